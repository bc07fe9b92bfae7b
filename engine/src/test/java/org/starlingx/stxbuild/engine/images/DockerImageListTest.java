package org.starlingx.stxbuild.engine.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.source.StxSourceTree;

class DockerImageListTest {
  @TempDir Path tree;

  private void write(String path, String text) throws Exception {
    Path file = tree.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private void sampleRepo() throws Exception {
    write("repo/debian_pkg_dirs", "");
    write("repo/debian_stable_docker_images.inc", "# images\nnova\ntool # ours\n");
    write(
        "repo/nova/debian/trixie/stx-nova.stable_docker_image",
        "BUILDER=loci\nLABEL=stx-nova\nPROJECT=nova\n"
            + "PROJECT_REPO=https://opendev.org/openstack/nova.git\n"
            + "DIST_PACKAGES=\"openssh-client\n  libvirt-clients\"\nPROFILES='fluent nova'\n");
    write("repo/nova/debian/all/stx-nova.stable_docker_image", "BUILDER=loci\nLABEL=other\n");
    write(
        "repo/tool/debian/all/stx-tool.stable_docker_image",
        "BUILDER=docker\nLABEL=stx-tool\nDOCKER_CONTEXT=ctx\nDOCKER_FILE=ctx/build/Dockerfile\n");
    write("repo/tool/debian/all/stx-tool.dev_docker_image", "BUILDER=docker\nLABEL=stx-tool\n");
  }

  @Test
  void readsTheListsAsBuildStxImagesDoesCodenameDirectoryFirst() throws Exception {
    sampleRepo();
    var images =
        DockerImageList.read(
            StxSourceTree.open(tree), "debian", "trixie", "stable", Set.of(), Set.of());
    assertThat(images).extracting(ImageDirective::label).containsExactly("stx-nova", "stx-tool");
    ImageDirective nova = images.get(0);
    assertThat(nova.builder()).isEqualTo("loci");
    assertThat(nova.value("DIST_PACKAGES")).isEqualTo("openssh-client\n  libvirt-clients");
    assertThat(nova.value("PROFILES")).isEqualTo("fluent nova");
    ImageDirective tool = images.get(1);
    assertThat(tool.context()).isEqualTo(tree.resolve("repo/tool/debian/all/ctx"));
    assertThat(tool.dockerfile()).isEqualTo("build/Dockerfile");
    assertThat(LocalImageSet.whyNotLocal(nova)).contains("needs a checkout of OpenStack's loci");
  }

  @Test
  void onlyAndSkipSelectByLabelOrProject() throws Exception {
    sampleRepo();
    StxSourceTree source = StxSourceTree.open(tree);
    assertThat(DockerImageList.read(source, "debian", "trixie", "stable", Set.of("nova"), Set.of()))
        .extracting(ImageDirective::label)
        .containsExactly("stx-nova");
    assertThat(
            DockerImageList.read(
                source, "debian", "trixie", "stable", Set.of(), Set.of("stx-nova")))
        .extracting(ImageDirective::label)
        .containsExactly("stx-tool");
  }

  @Test
  void aLabelDefinedTwiceNamesBothFiles() throws Exception {
    sampleRepo();
    write("repo/tool/debian/all/stx-tool2.stable_docker_image", "BUILDER=docker\nLABEL=stx-tool\n");
    assertThatThrownBy(
            () ->
                DockerImageList.read(
                    StxSourceTree.open(tree), "debian", "trixie", "stable", Set.of(), Set.of()))
        .hasMessageContaining("LABEL stx-tool is defined twice")
        .hasMessageContaining("stx-tool.stable_docker_image")
        .hasMessageContaining("stx-tool2.stable_docker_image");
  }

  @Test
  void aDirectoryWithoutDirectivesIsNamedWithItsList() throws Exception {
    write("repo/debian_pkg_dirs", "");
    write("repo/debian_stable_docker_images.inc", "gone\n");
    Files.createDirectories(tree.resolve("repo/gone/debian/all"));
    assertThatThrownBy(
            () ->
                DockerImageList.read(
                    StxSourceTree.open(tree), "debian", "trixie", "stable", Set.of(), Set.of()))
        .hasMessageContaining("debian_stable_docker_images.inc names 'gone'")
        .hasMessageContaining("no *.stable_docker_image file");
  }

  @Test
  void shellExpansionsAndCommandsAreRefusedNotRun() {
    assertThatThrownBy(() -> ShellAssignments.parse("A=1\nB=$(rm -rf /)\n", "f"))
        .hasMessageContaining("f:2: the value of B uses a shell expansion");
    assertThatThrownBy(() -> ShellAssignments.parse("A=\"x ${HOME}\"", "f"))
        .hasMessageContaining("f:1: the value of A");
    assertThatThrownBy(() -> ShellAssignments.parse("LABEL=a\nrm -rf /\n", "f"))
        .hasMessageContaining("f:2: expected a variable assignment NAME=value, found 'rm -rf /'");
    assertThatThrownBy(() -> ShellAssignments.parse("A=\"open\n", "f"))
        .hasMessageContaining("has no closing \"");
    assertThat(ShellAssignments.parse("export A=1 B='x y' # c\nC=a\\ b\nD=\"q\\\"\"\n", "f"))
        .containsEntry("A", "1")
        .containsEntry("B", "x y")
        .containsEntry("C", "a b")
        .containsEntry("D", "q\"");
  }

  @Test
  void anUnknownBuilderOrMissingLabelIsRefused() {
    assertThatThrownBy(
            () ->
                new ImageDirective(
                    Path.of("x.stable_docker_image"), java.util.Map.of("BUILDER", "docker")))
        .hasMessageContaining("LABEL is not set");
    assertThatThrownBy(
            () ->
                new ImageDirective(
                    Path.of("x.stable_docker_image"),
                    java.util.Map.of("BUILDER", "make", "LABEL", "a")))
        .hasMessageContaining("BUILDER 'make' is not supported; expected docker, loci or script");
  }

  @Test
  void tagsFollowStarlingxNaming() {
    ImageTags tags =
        new ImageTags("reg:5000", "starlingx", "master", "debian", "stable", "20261124");
    assertThat(tags.versioned("stx-nova"))
        .isEqualTo("reg:5000/starlingx/stx-nova:master-debian-stable-20261124");
    assertThat(tags.latest("stx-nova"))
        .isEqualTo("reg:5000/starlingx/stx-nova:master-debian-stable-latest");
    assertThat(tags.base()).isEqualTo("reg:5000/starlingx/stx-debian:master-stable-20261124");
    assertThat(tags.recordFileName()).isEqualTo("images-debian-stable-versioned.lst");
  }
}
