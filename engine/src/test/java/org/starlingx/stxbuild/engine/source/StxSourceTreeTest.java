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
    write("integ/debian_pkg_dirs", "# comment\nbase/haproxy\n\nconfig/puppet-boolean\n");
    write("integ/debian_trixie_pkg_dirs_std", "# comment\nbase/haproxy\n\nconfig/puppet-boolean\n");
    write("integ/debian_trixie_pkg_dirs_rt", "kernel/kernel-rt\n");
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
        "integ/config/puppet-boolean/debian/all/meta_data.yaml",
        "---\ndebname: puppet-boolean\ndebver: 2.0.2-0\ndl_path:\n  name: puppet-boolean-2.0.2-0.tar.gz\n"
            + "  url: https://codeload.github.com/voxpupuli/puppet-boolean/tar.gz/refs/tags/v2.0.2\n"
            + "  md5sum: c724f206a25561cadb024d6791b73eea\nrevision:\n  dist: $STX_DIST\n"
            + "  PKG_GITREVCOUNT: true\n");
    write(
        "integ/config/puppet-boolean/debian/all/deb_folder/control",
        "Source: x\n\nPackage: x\nArchitecture: all\n");
    write("integ/kernel/kernel-rt/debian/all/meta_data.yaml", "debver: 6.6.0-1\nsrc_path: ../..\n");
    write(
        "integ/kernel/kernel-rt/debian/all/deb_folder/control",
        "Source: x\n\nPackage: x\nArchitecture: all\n");

    StxSourceTree tree = StxSourceTree.open(root);
    List<PackageRecipe> trixie = tree.recipes("trixie", "std");
    assertThat(trixie)
        .extracting(PackageRecipe::relativeDir)
        .containsExactly("base/haproxy", "config/puppet-boolean");
    PackageRecipe haproxy = trixie.get(0);
    assertThat(haproxy.kind()).isEqualTo(RecipeKind.TARBALL);
    assertThat(haproxy.meta().debver()).isEqualTo("2.8.3-1");
    assertThat(haproxy.downloads().get(0).download().algorithm()).isEqualTo("sha256");
    assertThat(tree.recipes("bullseye", "std").get(0).kind()).isEqualTo(RecipeKind.IN_TREE);
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
    write("b/debian/trixie/meta_data.yaml", "debver: 1\nsrc_path: .\n");
    write("b/debian/trixie/deb_folder/control", "Source: b\n\nPackage: b\nArchitecture: all\n");
    StxSourceTree tree = StxSourceTree.open(root);
    assertThat(tree.recipes("trixie", "std"))
        .extracting(PackageRecipe::relativeDir)
        .containsExactly("b");
    assertThat(tree.recipes("bullseye", "std"))
        .extracting(PackageRecipe::relativeDir)
        .containsExactly("a");
  }

  @Test
  void errorsNameTheFileTheFieldAndWhatWasExpected() throws IOException {
    write("debian_pkg_dirs", "missing\n");
    assertThatThrownBy(() -> StxSourceTree.open(root).recipes("bullseye", "std"))
        .hasMessageContaining("debian_pkg_dirs")
        .hasMessageContaining("'missing' does not exist");
    assertThatThrownBy(() -> StxSourceTree.open(root).recipes("bookworm", "std"))
        .hasMessageContaining("'bookworm' is not one StarlingX builds; known: bullseye, trixie");

    write("debian_pkg_dirs", "p\n");
    Path meta =
        write(
            "p/debian/meta_data.yaml",
            "debver: 1.0\ndl_path:\n  name: p.tar.gz\n  url: https://x/p.tar.gz\n");
    packaging("p");
    assertThatThrownBy(() -> StxSourceTree.open(root).recipes("bullseye", "std"))
        .hasMessageContaining(meta.toString())
        .hasMessageContaining("field 'dl_path'")
        .hasMessageContaining("expected a 'sha256sum' or 'md5sum'");

    write("p/debian/meta_data.yaml", "debver: 1.0\nsrc_files: 3\nsrc_path: .\n");
    assertThatThrownBy(() -> StxSourceTree.open(root).recipes("bullseye", "std"))
        .hasMessageContaining("field 'src_files'");

    write(
        "p/debian/meta_data.yaml",
        "debver: 1.0\ndl_path:\n  name: p.tar.gz\n  url: https://x/p\n  md5sum: xyz\n");
    assertThatThrownBy(() -> StxSourceTree.open(root).recipes("bullseye", "std"))
        .hasMessageContaining("field 'dl_path'")
        .hasMessageContaining("md5");

    write("p/debian/meta_data.yaml", "debname: p\n");
    assertThatThrownBy(() -> StxSourceTree.open(root).recipes("bullseye", "std"))
        .hasMessageContaining("'debver'")
        .hasMessageContaining("is missing");

    write("p/debian/meta_data.yaml", "debver: 1\nsrc_path: nowhere\n");
    assertThatThrownBy(() -> StxSourceTree.open(root).recipes("bullseye", "std"))
        .hasMessageContaining("field 'src_path': directory 'nowhere' does not exist");

    write("p/debian/meta_data.yaml", "debver: 1\nsrc_path: .\nrevision:\n  stx_patch: x\n");
    assertThatThrownBy(() -> StxSourceTree.open(root).recipes("bullseye", "std"))
        .hasMessageContaining("field 'revision.stx_patch': expected a whole number");
  }

  @Test
  void readsEveryRecipeFormStarlingxAccepts() throws IOException {
    write("stx/debian_trixie_pkg_dirs_std", "empty\nhooked\ncarried\nupstream\nelsewhere\n");
    // src_path: null with src_files: an empty source directory the files go into
    write(
        "stx/empty/debian/all/meta_data.yaml",
        "debver: 1.0-1\nsrc_path: null\nsrc_files:\n  - files/a.conf\n"
            + "revision:\n  dist: $STX_DIST\n  PKG_GITREVCOUNT:\n");
    write("stx/empty/files/a.conf", "x\n");
    write("stx/empty/debian/all/deb_folder/control", "Source: empty\n\nPackage: e\n");
    // dl_hook
    Path hook = write("stx/hooked/debian/trixie/dl_hook", "#!/bin/sh\nmkdir \"$1\"\n");
    hook.toFile().setExecutable(true);
    write(
        "stx/hooked/debian/trixie/meta_data.yaml",
        "debname: hooked\ndebver: 2.0-1\ndl_hook: dl_hook\n");
    // dl_path whose tarball carries its own debian/ (no deb_folder)
    write(
        "stx/carried/debian/all/meta_data.yaml",
        "debver: 3.0-1\ndl_path:\n  name: c.tar.gz\n  url: https://x/c.tar.gz\n  sha256sum: "
            + "b".repeat(64)
            + "\n");
    // neither: an upstream .dsc by name and version, pinned with dsc_sha256
    write(
        "stx/upstream/debian/all/meta_data.yaml",
        "debname: up\ndebver: 1:4.0-2\ndsc_sha256: "
            + "c".repeat(64)
            + "\n"
            + "archive: https://deb.example/pool/main/u/up/\n");
    // ${MY_REPO} in src_path
    write("stx/elsewhere/debian/all/meta_data.yaml", "debver: 5\nsrc_path: ${MY_REPO}/src5\n");
    write("stx/elsewhere/debian/all/deb_folder/control", "Source: elsewhere\n\nPackage: l\n");
    Files.createDirectories(root.resolve("cgcs-root/src5"));
    Files.createDirectories(root.resolve("cgcs-root"));

    TreeReading reading =
        StxSourceTree.open(root, java.util.Map.of()).read("trixie", List.of("std"));
    assertThat(reading.refused()).isEmpty();
    assertThat(reading.packages())
        .extracting(PackageRecipe::kind)
        .containsExactly(
            RecipeKind.IN_TREE,
            RecipeKind.DL_HOOK,
            RecipeKind.TARBALL,
            RecipeKind.UPSTREAM_DSC,
            RecipeKind.IN_TREE);
    assertThat(reading.packages())
        .extracting(PackageRecipe::name)
        .containsExactly("empty", "hooked", "carried", "up", "elsewhere");
    assertThat(reading.packages().get(0).details().srcPath()).isNull();
    assertThat(reading.packages().get(2).debFolder()).isNull();
    assertThat(reading.packages().get(3).downloads().get(0).fileName()).isEqualTo("up_4.0-2.dsc");
    assertThat(reading.packages().get(4).details().srcPath())
        .isEqualTo(root.resolve("cgcs-root/src5"));
  }

  @Test
  void trixieReadsNeitherTheOldListsNorTheFlatMetadata() throws IOException {
    write("stx/debian_pkg_dirs", "a\n");
    write("stx/debian_trixie_pkg_dirs_std", "a\n");
    write("stx/a/debian/meta_data.yaml", "debver: 1\nsrc_path: .\n");
    packaging("stx/a");
    TreeReading reading = StxSourceTree.open(root).read("trixie", List.of("std"));
    assertThat(reading.packages()).isEmpty();
    assertThat(reading.refused())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.reason()).contains("no meta_data.yaml for trixie");
              assertThat(r.dir()).isEqualTo("a");
            });
    assertThat(StxSourceTree.open(root).read("bullseye", List.of("std")).packages()).hasSize(1);
  }

  @Test
  void aTreeGivenOneLevelTooHighSaysSo() throws IOException {
    write("x/root/cgcs-root/stx/integ/debian_trixie_pkg_dirs_std", "a\n");
    assertThatThrownBy(() -> StxSourceTree.open(root).read("trixie", List.of("std")))
        .hasMessageContaining("no package lists within 4 levels")
        .hasMessageContaining("--tree " + root.resolve("x/root"));
  }
}
