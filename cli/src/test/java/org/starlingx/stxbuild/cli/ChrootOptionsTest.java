package org.starlingx.stxbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.chroot.ChrootBuildOptions;
import org.starlingx.stxbuild.engine.chroot.ChrootSpec;
import org.starlingx.stxbuild.engine.graph.DebControl;
import picocli.CommandLine;

class ChrootOptionsTest {
  @TempDir Path cacheDir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private ChrootOptions parse(String... args) {
    ChrootOptions options = new ChrootOptions();
    new CommandLine(options).parseArgs(args);
    return options;
  }

  private ChrootBuildOptions options(ChrootOptions chroot, Supplier<Collection<DebControl>> tree) {
    return chroot.options("trixie", tree, new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  private static DebControl control(String source, String buildDepends) {
    return DebControl.parse(
        "Source: " + source + "\nBuild-Depends: " + buildDepends + "\n\nPackage: " + source + "\n",
        source);
  }

  @Test
  void withoutTheOptionTheTreeIsNotEvenReadAndTheChrootIsTheDefault() {
    ChrootBuildOptions options =
        options(
            parse(),
            () -> {
              throw new AssertionError("the tree was read");
            });
    assertThat(options.chroot()).isEqualTo(ChrootSpec.of("trixie"));
  }

  @Test
  void theTreesCommonBuildDepsJoinTheSeedCheckedAgainstTheUnseededChrootsAptLists()
      throws IOException {
    // A cached unseeded chroot (fresh tarball, unpacked root with apt lists): nothing is made.
    ChrootSpec base = ChrootSpec.of("trixie");
    Files.writeString(cacheDir.resolve(base.name() + ".tar.zst"), "x");
    Path lists = Files.createDirectories(cacheDir.resolve(base.name() + ".root/var/lib/apt/lists"));
    Files.writeString(
        lists.resolve("deb_debian_dists_trixie_main_binary-amd64_Packages"),
        "Package: libjson-c-dev\n\nPackage: uuid-dev\n\nPackage: libpq-dev\n");
    ChrootBuildOptions options =
        options(
            parse("--seed-common-build-deps", "2", "--chroot-cache", cacheDir.toString()),
            () ->
                List.of(
                    control("pkg-a", "libjson-c-dev, uuid-dev, debhelper-compat (= 13)"),
                    control(
                        "pkg-b",
                        "libjson-c-dev, uuid-dev, libpq-dev, pkg-a, debhelper-compat (= 13)"),
                    control("pkg-c", "pkg-a, libpq-dev")));
    assertThat(options.chroot().seedPackages())
        .containsAll(base.seedPackages())
        .contains("libjson-c-dev", "uuid-dev", "libpq-dev")
        .doesNotContain("debhelper-compat", "pkg-a");
    assertThat(options.identity()).isNotEqualTo(ChrootBuildOptions.of("trixie").identity());
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(
            "seeded with the build-deps at least 2 packages need: libjson-c-dev libpq-dev uuid-dev");
  }

  @Test
  void aNegativeMinimumIsRefusedNamingTheOption() {
    assertThatThrownBy(() -> options(parse("--seed-common-build-deps", "-1"), List::of))
        .hasMessageContaining("--seed-common-build-deps")
        .hasMessageContaining("-1");
  }
}
