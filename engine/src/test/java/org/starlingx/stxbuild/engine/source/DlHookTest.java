package org.starlingx.stxbuild.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dl_hook recipe runs its hook as debrepack does (decided before dl_path and src_path, given the
 * source directory's name), in the fresh package directory with a minimal environment, and a
 * failing hook is an error carrying its output.
 */
class DlHookTest {
  @TempDir Path root;

  private Path write(String path, String text) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private PackageRecipe recipe(String hook) throws IOException {
    write("stx/debian_trixie_pkg_dirs_std", "hooked\n");
    write(
        "stx/hooked/debian/all/meta_data.yaml",
        "debname: hooked\ndebver: 1.0-1\ndl_hook: dl_hook\n");
    write(
        "stx/hooked/debian/all/deb_folder/control",
        "Source: hooked\nMaintainer: StarlingX <x@example.invalid>\n\nPackage: hooked\n"
            + "Architecture: all\nDescription: hooked\n hooked.\n");
    write("stx/hooked/debian/all/deb_folder/source/format", "3.0 (quilt)\n");
    write(
        "stx/hooked/debian/all/deb_folder/changelog",
        "hooked (1.0-1) unstable; urgency=medium\n\n  * x.\n\n"
            + " -- StarlingX <x@example.invalid>  Sat, 01 Jan 2000 00:00:00 +0000\n");
    Path script = write("stx/hooked/debian/all/dl_hook", hook);
    script.toFile().setExecutable(true);
    TreeReading reading = StxSourceTree.open(root, Map.of()).read("trixie", List.of("std"));
    assertThat(reading.refused()).isEmpty();
    return reading.packages().get(0);
  }

  @Test
  void theHookMakesTheSourcesWithNothingOfTheHostsEnvironment() throws IOException {
    PackageRecipe recipe =
        recipe(
            "#!/bin/sh\nset -e\nmkdir \"$1\"\necho hello > \"$1/hello.txt\"\n"
                + "env | sort > \"$1/env.txt\"\n");
    assertThat(recipe.kind()).isEqualTo(RecipeKind.DL_HOOK);
    Path out = root.resolve("out");
    PreparedSource prepared =
        new SourcePackagePreparer(null)
            .prepare(recipe, out, TreeVariables.of(root, Map.of("STX_GIT_SRC_DIR", "/git")));
    assertThat(prepared.version()).isEqualTo("1.0-1");
    assertThat(prepared.files())
        .extracting(p -> p.getFileName().toString())
        .contains("hooked_1.0.orig.tar.gz", "hooked_1.0-1.debian.tar.xz");
    String env = Files.readString(out.resolve("hooked-1.0/env.txt"));
    assertThat(env)
        .contains(
            "HOME=" + out.toAbsolutePath().normalize(),
            "STX_GIT_SRC_DIR=/git",
            // StarlingX's container always defines it; utilities/build-info's hook requires it
            "MY_WORKSPACE=" + out.toAbsolutePath().normalize());
    assertThat(env).doesNotContain("JAVA_HOME", "MAVEN", "USER=");
  }

  @Test
  void aFailingHookIsAnErrorWithItsOutput() throws IOException {
    PackageRecipe recipe =
        recipe("#!/bin/sh\necho 'cannot reach the upstream git server'\nexit 3\n");
    assertThatThrownBy(() -> new SourcePackagePreparer(null).prepare(recipe, root.resolve("out")))
        .isInstanceOf(SourceLayoutException.class)
        .hasMessageContaining("field 'dl_hook'")
        .hasMessageContaining("exited with 3")
        .hasMessageContaining("cannot reach the upstream git server");
  }
}
