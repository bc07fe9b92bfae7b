package org.starlingx.stxbuild.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The StarlingX layout read from trees shaped like starlingx/integ and starlingx/utilities. */
class StxSourceTreeTest {
  @TempDir Path root;

  private Path write(String path, String text) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private void packaging(String dir) throws IOException {
    write(dir + "/debian/deb_folder/control", "Source: x\n\nPackage: x\nArchitecture: all\n");
  }

  @Test
  void readsListsPerBuildTypeAndTheMostSpecificMetadata() throws IOException {
    write(
        "integ/debian_pkg_dirs", "# comment\nbase/haproxy\n\nconfig/puppet-boolean  # trailing\n");
    write("integ/debian_pkg_dirs_rt", "kernel/kernel-rt\n");
    write("integ/base/haproxy/debian/meta_data.yaml", "debver: 1.0-1\nsrc_path: src\n");
    write(
        "integ/base/haproxy/debian/trixie/meta_data.yaml",
        "debname: haproxy\ndebver: 2.8.3-1\ndl_path:\n  name: haproxy-2.8.3.tar.gz\n"
            + "  url: https://www.haproxy.org/download/2.8/src/haproxy-2.8.3.tar.gz\n"
            + "  sha256sum: "
            + "a".repeat(64)
            + "\n");
    packaging("integ/base/haproxy");
    Files.createDirectories(root.resolve("integ/base/haproxy/src"));
    write(
        "integ/config/puppet-boolean/debian/meta_data.yaml",
        "---\ndebname: puppet-boolean\ndebver: 2.0.2-0\ndl_path:\n  name: puppet-boolean-2.0.2-0.tar.gz\n"
            + "  url: https://codeload.github.com/voxpupuli/puppet-boolean/tar.gz/refs/tags/v2.0.2\n"
            + "  md5sum: c724f206a25561cadb024d6791b73eea\nrevision:\n  dist: $STX_DIST\n"
            + "  PKG_GITREVCOUNT: true\n");
    packaging("integ/config/puppet-boolean");
    write("integ/kernel/kernel-rt/debian/meta_data.yaml", "debver: 6.6.0-1\nsrc_path: .\n");
    packaging("integ/kernel/kernel-rt");

    StxSourceTree tree = StxSourceTree.open(root);
    List<PackageRecipe> trixie = tree.recipes("trixie", "std");
    assertThat(trixie)
        .extracting(PackageRecipe::relativeDir)
        .containsExactly("base/haproxy", "config/puppet-boolean");
    PackageRecipe haproxy = trixie.get(0);
    assertThat(haproxy.kind()).isEqualTo(RecipeKind.TARBALL);
    assertThat(haproxy.meta().debver()).isEqualTo("2.8.3-1");
    assertThat(haproxy.downloads().get(0).download().algorithm()).isEqualTo("sha256");
    assertThat(tree.recipes("bookworm", "std").get(0).kind()).isEqualTo(RecipeKind.IN_TREE);
    assertThat(trixie.get(1).downloads().get(0).download().algorithm()).isEqualTo("md5");
    assertThat(tree.recipes("trixie", "rt"))
        .extracting(PackageRecipe::relativeDir)
        .containsExactly("kernel/kernel-rt");
  }

  @Test
  void aDistributionSpecificListWins() throws IOException {
    write("debian_pkg_dirs", "a\n");
    write("debian_trixie_pkg_dirs_std", "b\n");
    write("a/debian/meta_data.yaml", "debver: 1\nsrc_path: .\n");
    packaging("a");
    write("b/debian/meta_data.yaml", "debver: 1\nsrc_path: .\n");
    packaging("b");
    StxSourceTree tree = StxSourceTree.open(root);
    assertThat(tree.recipes("trixie", "std"))
        .extracting(PackageRecipe::relativeDir)
        .containsExactly("b");
    assertThat(tree.recipes("bookworm", "std"))
        .extracting(PackageRecipe::relativeDir)
        .containsExactly("a");
  }

  @Test
  void errorsNameTheFileTheFieldAndWhatWasExpected() throws IOException {
    write("debian_pkg_dirs", "missing\n");
    assertThatThrownBy(() -> StxSourceTree.open(root).recipes("bookworm", "std"))
        .hasMessageContaining("debian_pkg_dirs")
        .hasMessageContaining("'missing' does not exist");

    write("debian_pkg_dirs", "p\n");
    Path meta =
        write(
            "p/debian/meta_data.yaml",
            "debver: 1.0\ndl_path:\n  name: p.tar.gz\n  url: https://x/p.tar.gz\n");
    packaging("p");
    assertThatThrownBy(() -> StxSourceTree.open(root).recipes("bookworm", "std"))
        .hasMessageContaining(meta.toString())
        .hasMessageContaining("field 'dl_path'")
        .hasMessageContaining("expected a 'sha256sum' or 'md5sum'");

    write("p/debian/meta_data.yaml", "debver: 1.0\nsrc_files: 3\nsrc_path: .\n");
    assertThatThrownBy(() -> StxSourceTree.open(root).recipes("bookworm", "std"))
        .hasMessageContaining("field 'src_files'");

    write(
        "p/debian/meta_data.yaml",
        "debver: 1.0\ndl_path:\n  name: p.tar.gz\n  url: https://x/p\n  md5sum: xyz\n");
    assertThatThrownBy(() -> StxSourceTree.open(root).recipes("bookworm", "std"))
        .hasMessageContaining("field 'dl_path'")
        .hasMessageContaining("md5");

    write("p/debian/meta_data.yaml", "debname: p\n");
    assertThatThrownBy(() -> StxSourceTree.open(root).recipes("bookworm", "std"))
        .hasMessageContaining("field 'debver' is missing");

    write("p/debian/meta_data.yaml", "debver: 1\nsrc_path: nowhere\n");
    assertThatThrownBy(() -> StxSourceTree.open(root).recipes("bookworm", "std"))
        .hasMessageContaining("field 'src_path': directory 'nowhere' does not exist");
  }
}
