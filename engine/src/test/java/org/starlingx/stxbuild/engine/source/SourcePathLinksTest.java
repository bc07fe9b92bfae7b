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
 * Symbolic links under a {@code src_path} are followed as debrepack's {@code cp -rL} follows them
 * (the package gets the files, not links), as long as they stay inside the source tree; a link out
 * of the tree, a dangling link and a loop are refused naming the field and the link.
 */
class SourcePathLinksTest {
  @TempDir Path root;

  private Path write(String path, String text) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private PackageRecipe recipe() throws IOException {
    write("stx/debian_trixie_pkg_dirs_std", "linked\n");
    write("stx/linked/debian/all/meta_data.yaml", "debname: linked\ndebver: 1.0\nsrc_path: src\n");
    write(
        "stx/linked/debian/all/deb_folder/control",
        "Source: linked\nMaintainer: StarlingX <x@example.invalid>\n\nPackage: linked\n"
            + "Architecture: all\nDescription: linked\n linked.\n");
    write("stx/linked/debian/all/deb_folder/source/format", "3.0 (native)\n");
    write(
        "stx/linked/debian/all/deb_folder/changelog",
        "linked (1.0) unstable; urgency=medium\n\n  * x.\n\n"
            + " -- StarlingX <x@example.invalid>  Sat, 01 Jan 2000 00:00:00 +0000\n");
    write("stx/linked/src/own.txt", "own\n");
    write("stx/common/shared.py", "shared\n");
    write("stx/common/lib/helper.py", "helper\n");
    Path src = root.resolve("stx/linked/src");
    Files.createSymbolicLink(src.resolve("shared.py"), Path.of("../../common/shared.py"));
    Files.createSymbolicLink(src.resolve("lib"), Path.of("../../common/lib"));
    TreeReading reading = StxSourceTree.open(root, Map.of()).read("trixie", List.of("std"));
    assertThat(reading.refused()).isEmpty();
    return reading.packages().get(0);
  }

  private PreparedSource prepare(PackageRecipe recipe) {
    return new SourcePackagePreparer(null)
        .prepare(recipe, root.resolve("out"), TreeVariables.of(root, Map.of()));
  }

  @Test
  void linksInsideTheTreeAreFollowedAndTheirFilesCopied() throws IOException {
    prepare(recipe());
    Path srcdir = root.resolve("out/linked-1.0");
    assertThat(srcdir.resolve("shared.py")).isRegularFile().hasContent("shared");
    assertThat(Files.isSymbolicLink(srcdir.resolve("shared.py"))).isFalse();
    assertThat(Files.isSymbolicLink(srcdir.resolve("lib"))).isFalse();
    assertThat(srcdir.resolve("lib/helper.py")).isRegularFile().hasContent("helper");
    assertThat(srcdir.resolve("own.txt")).hasContent("own");
  }

  @Test
  void aLinkOutOfTheTreeIsRefusedNamingIt() throws IOException {
    PackageRecipe recipe = recipe();
    Path outside = Files.createTempFile("stx-outside", ".txt");
    try {
      Files.createSymbolicLink(root.resolve("stx/linked/src/secret"), outside);
      assertThatThrownBy(() -> prepare(recipe))
          .isInstanceOf(SourceLayoutException.class)
          .hasMessageContaining("field 'src_path'")
          .hasMessageContaining("secret leads outside the source tree")
          .hasMessageContaining("expected links that stay inside the tree");
    } finally {
      Files.delete(outside);
    }
  }

  @Test
  void aDanglingLinkAndALoopAreRefused() throws IOException {
    PackageRecipe recipe = recipe();
    Path dangling = root.resolve("stx/linked/src/gone");
    Files.createSymbolicLink(dangling, Path.of("../../common/missing.py"));
    assertThatThrownBy(() -> prepare(recipe))
        .isInstanceOf(SourceLayoutException.class)
        .hasMessageContaining("field 'src_path'")
        .hasMessageContaining("points to ../../common/missing.py, which does not exist");
    Files.delete(dangling);
    Files.createSymbolicLink(root.resolve("stx/linked/src/loop"), Path.of("."));
    assertThatThrownBy(() -> prepare(recipe))
        .isInstanceOf(SourceLayoutException.class)
        .hasMessageContaining("field 'src_path'")
        .hasMessageContaining("link loop");
  }
}
