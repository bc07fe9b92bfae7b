package org.starlingx.stxbuild.engine.chroot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChrootSpecTest {
  private final ChrootSpec bullseye = ChrootSpec.of("bullseye");

  @Test
  void theCacheKeyIsStableAndIgnoresTheSeedOrderAndATrailingSlash() {
    ChrootSpec same =
        new ChrootSpec(
            "bullseye",
            "amd64",
            URI.create("http://deb.debian.org/debian/"),
            new java.util.ArrayList<>(bullseye.seedPackages()) {
              {
                java.util.Collections.reverse(this);
              }
            });
    assertThat(same.key()).isEqualTo(bullseye.key()).hasSize(16).matches("[0-9a-f]+");
    assertThat(bullseye.name()).isEqualTo("bullseye-amd64-" + bullseye.key());
  }

  @Test
  void theCodenameTheMirrorTheArchitectureAndTheSeedEachMakeAnotherChroot() {
    assertThat(
            List.of(
                bullseye.key(),
                ChrootSpec.of("trixie").key(),
                bullseye.withMirror(URI.create("http://mirror.example/stx-snapshot")).key(),
                bullseye.withSeedPackages(List.of("debhelper")).key(),
                new ChrootSpec("bullseye", "arm64", bullseye.mirror(), bullseye.seedPackages())
                    .key()))
        .doesNotHaveDuplicates();
  }

  @Test
  void theDefaultSeedIsStarlingXsPkgbuilderSet() {
    assertThat(bullseye.seedPackages())
        .contains("debhelper", "dh-python", "python3-all-dev", "cmake", "quilt", "fakeroot")
        .isSorted();
    assertThat(bullseye.mirror()).hasToString("http://deb.debian.org/debian");
  }

  @Test
  void badInputIsRefusedNamingTheValue() {
    assertThatThrownBy(() -> ChrootSpec.of("Bullseye!"))
        .hasMessageContaining("'Bullseye!'")
        .hasMessageContaining("codename");
    assertThatThrownBy(() -> bullseye.withMirror(URI.create("ftp://x/debian")))
        .hasMessageContaining("ftp://x/debian");
    assertThatThrownBy(() -> bullseye.withSeedPackages(List.of("rm -rf /")))
        .hasMessageContaining("'rm -rf /'");
  }

  @Test
  void mmdebstrapMakesABuilddChrootWithTheSeedKeepingAptListsAndTheDebCache() {
    List<String> argv =
        MmdebstrapCommand.argv(
            bullseye.withSeedPackages(List.of("debhelper", "cmake")),
            Path.of("/c/x.tar.zst"),
            Path.of("/c/debs it's"));
    assertThat(argv)
        .startsWith("mmdebstrap", "--variant=buildd", "--arch=amd64", "--include=cmake,debhelper")
        .contains("--skip=cleanup/apt/lists")
        .contains("--setup-hook=sync-in '/c/debs it'\\''s' /var/cache/apt/archives/")
        .endsWith("bullseye", "/c/x.tar.zst", "http://deb.debian.org/debian");
  }

  @Test
  void aTreeSeedIsPartOfTheChrootsKeyAndOfTheBuildEnvironmentOfEveryResult() {
    ChrootSpec seeded = bullseye.plusSeedPackages(List.of("libjson-c-dev", "debhelper"));
    assertThat(seeded.seedPackages())
        .contains("libjson-c-dev")
        .containsAll(bullseye.seedPackages())
        .doesNotHaveDuplicates()
        .isSorted();
    assertThat(seeded.key()).isNotEqualTo(bullseye.key());
    // The same set however it was reached is the same chroot.
    assertThat(bullseye.plusSeedPackages(List.of("debhelper", "libjson-c-dev")).key())
        .isEqualTo(seeded.key());
    assertThat(bullseye.plusSeedPackages(List.of()).key()).isEqualTo(bullseye.key());
    ChrootBuildOptions options = ChrootBuildOptions.of("bullseye");
    assertThat(options.withChroot(seeded).identity()).isNotEqualTo(options.identity());
  }
}
