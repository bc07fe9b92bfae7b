package org.starlingx.stxbuild.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tree is input nobody vetted: every path it names is resolved with its links against the tree's
 * real root and refused when it leaves it, and its files are size-checked before they are parsed.
 */
class HostileTreeTest {
  @TempDir Path base;
  Path tree;
  Path outside;

  @BeforeEach
  void layout() throws IOException {
    tree = Files.createDirectories(base.resolve("tree"));
    outside = Files.createDirectories(base.resolve("outside"));
    Files.writeString(outside.resolve("secret"), "root:x:0:0\n");
    Files.createDirectories(outside.resolve("src"));
    write("repo/debian_pkg_dirs", "pkg\n");
    write("repo/pkg/debian/deb_folder/control", "Source: x\n\nPackage: x\nArchitecture: all\n");
    Files.createDirectories(tree.resolve("repo/pkg/src"));
  }

  private Path write(String path, String text) throws IOException {
    Path file = tree.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private void meta(String yaml) throws IOException {
    write("repo/pkg/debian/meta_data.yaml", "debver: 1.0-1\n" + yaml);
  }

  private void refused(String field, String value) {
    assertThatThrownBy(() -> StxSourceTree.open(tree).recipes("bullseye", "std"))
        .isInstanceOf(SourceLayoutException.class)
        .hasMessageContaining("field '" + field + "'")
        .hasMessageContaining(value);
  }

  @Test
  void aSrcFilesEntryLinkedToPasswdIsRefused() throws IOException {
    meta("src_path: src\nsrc_files:\n  - files/passwd\n");
    Files.createDirectories(tree.resolve("repo/pkg/files"));
    Files.createSymbolicLink(tree.resolve("repo/pkg/files/passwd"), Path.of("/etc/passwd"));
    refused("src_files", "files/passwd");
    assertThatThrownBy(() -> StxSourceTree.open(tree).recipes("bullseye", "std"))
        .hasMessageContaining("meta_data.yaml")
        .hasMessageContaining("leads outside the source tree")
        .hasMessageContaining("/etc/passwd");
  }

  @Test
  void aSrcPathUpwardsOrAbsoluteIsRefusedEvenWhenItExists() throws IOException {
    meta("src_path: ../../../outside/src\n");
    refused("src_path", "../../../outside/src");
    meta("src_path: " + outside.resolve("src") + "\n");
    // StarlingX expands ${MY_REPO} into absolute paths: one is refused only when it leaves.
    refused("src_path", "leads outside the source tree");
  }

  @Test
  void aPackageDirectoryLinkedOutsideIsRefused() throws IOException {
    Path elsewhere = Files.createDirectories(outside.resolve("pkg2/debian/deb_folder"));
    Files.writeString(elsewhere.resolve("control"), "Source: y\n\nPackage: y\nArchitecture: all\n");
    Files.writeString(outside.resolve("pkg2/debian/meta_data.yaml"), "debver: 1\nsrc_path: .\n");
    Files.createSymbolicLink(tree.resolve("repo/pkg2"), outside.resolve("pkg2"));
    write("repo/debian_pkg_dirs", "pkg2\n");
    refused("package directory", "pkg2");
  }

  @Test
  void aListFileOrPatchLinkedOutsideIsRefused() throws IOException {
    meta("src_path: src\n");
    write("repo/pkg/debian/patches/series", "0001-evil.patch\n");
    Files.createSymbolicLink(
        tree.resolve("repo/pkg/debian/patches/0001-evil.patch"), outside.resolve("secret"));
    refused("patches", "0001-evil.patch");

    Files.delete(tree.resolve("repo/pkg/debian/patches/0001-evil.patch"));
    write("repo/pkg/debian/patches/series", "../../../../../outside/secret\n");
    refused("patches", "outside/secret");

    Files.delete(tree.resolve("repo/debian_pkg_dirs"));
    Files.writeString(outside.resolve("list"), "pkg\n");
    Files.createSymbolicLink(tree.resolve("repo/debian_pkg_dirs"), outside.resolve("list"));
    refused("package list", "debian_pkg_dirs");
  }

  @Test
  void aDownloadNameThatIsAPathIsRefused() throws IOException {
    meta(
        "dl_path:\n  name: ../../../outside/x.tar.gz\n  url: https://example.org/x.tar.gz\n"
            + "  sha256sum: "
            + "a".repeat(64)
            + "\n");
    refused("dl_path", "expected a plain file name");
  }

  @Test
  void linksThatStayInsideTheTreeAreFollowedAsBefore() throws IOException {
    meta("src_path: src\nsrc_files:\n  - files/shared\n");
    write("repo/common/shared", "x\n");
    Files.createDirectories(tree.resolve("repo/pkg/files"));
    Files.createSymbolicLink(tree.resolve("repo/pkg/files/shared"), Path.of("../../common/shared"));
    assertThat(StxSourceTree.open(tree).recipes("bullseye", "std")).hasSize(1);
  }

  @Test
  void aTreeReachedThroughALinkIsStillReadable() throws IOException {
    meta("src_path: src\n");
    // The tree's own path goes through a link (as /tmp or a home directory often does).
    Path link = Files.createSymbolicLink(base.resolve("link"), base);
    assertThat(StxSourceTree.open(link.resolve("tree")).recipes("bullseye", "std")).hasSize(1);
  }

  @Test
  void aFiftyMegabyteMetaDataYamlIsRefusedBeforeItIsParsed() throws IOException {
    Path yaml = tree.resolve("repo/pkg/debian/meta_data.yaml");
    try (OutputStream out = Files.newOutputStream(yaml)) {
      out.write("debver: 1.0-1\nsrc_path: src\ndebname: \"".getBytes(StandardCharsets.UTF_8));
      byte[] chunk = "a".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 50; i++) {
        out.write(chunk);
      }
      out.write("\"\n".getBytes(StandardCharsets.UTF_8));
    }
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> StxSourceTree.open(tree).recipes("bullseye", "std"))
        .isInstanceOf(SourceLayoutException.class)
        .hasMessageContaining(yaml.toString())
        .hasMessageContaining("a meta_data.yaml is expected to be at most 1048576 bytes");
    System.out.printf(
        "50 MB meta_data.yaml refused in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
  }

  @Test
  void oversizedListsAndControlFilesAreRefused() throws IOException {
    meta("src_path: src\n");
    write("repo/pkg/debian/deb_folder/control", "Source: x\n" + "#".repeat(5 << 20) + "\n");
    assertThatThrownBy(
            () ->
                org.starlingx.stxbuild.engine.graph.DebControl.read(
                    tree.resolve("repo/pkg/debian/deb_folder/control")))
        .hasMessageContaining("debian/control file is expected to be at most");
    write("repo/debian_pkg_dirs", "pkg\n" + "#".repeat(2 << 20) + "\n");
    refusedForSize("package list");
  }

  private void refusedForSize(String what) {
    assertThatThrownBy(() -> StxSourceTree.open(tree).recipes("bullseye", "std"))
        .isInstanceOf(SourceLayoutException.class)
        .hasMessageContaining("a " + what + " is expected to be at most");
  }
}
