package org.starlingx.stxbuild.engine.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.repo.AptSource;
import org.starlingx.stxbuild.engine.source.StxSourceTree;

/**
 * A {@code BUILDER=loci} image built with buildah from a loci checkout, the directive's values
 * reaching loci's Dockerfile as the build arguments StarlingX's script passes (read back from the
 * built image's labels). The loci here is a stand-in Dockerfile that records what it was given.
 */
class LociImageIT {
  @TempDir Path work;

  private void write(Path file, String text) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void aLociDirectiveBuildsWithLocisArgumentsFromTheBase() throws Exception {
    Path tree = work.resolve("tree");
    write(tree.resolve("openstack/debian_pkg_dirs"), "");
    write(tree.resolve("openstack/debian_stable_docker_images.inc"), "python-nova\n");
    write(
        tree.resolve("openstack/python-nova/debian/bookworm/stx-nova.stable_docker_image"),
        "BUILDER=loci\nLABEL=stx-nova\nPROJECT=nova\nPROJECT_REF=stable/2023.1\n"
            + "DIST_PACKAGES=\"openssh-client libvirt-clients\"\nPROFILES=\"fluent nova\"\n");
    Path loci = work.resolve("loci");
    write(
        loci.resolve("Dockerfile"),
        "ARG FROM\nFROM ${FROM}\nARG PROJECT\nARG PROJECT_REPO\nARG PROJECT_REF\n"
            + "ARG DIST_PACKAGES\nARG PROFILES\nARG WHEELS\n"
            + "LABEL loci.project=\"${PROJECT}\" loci.repo=\"${PROJECT_REPO}\""
            + " loci.ref=\"${PROJECT_REF}\" loci.dist=\"${DIST_PACKAGES}\""
            + " loci.profiles=\"${PROFILES}\" loci.wheels=\"${WHEELS}\"\n");

    ImageTags tags = new ImageTags("", "starlingx", "master", "debian", "stable", "1");
    LocalImageSet set =
        new LocalImageSet(
            new BuildahImageBuilder(work.resolve("storage")),
            tags,
            null,
            new LocalImageSet.Loci(loci, "stx-debian-stable-wheels.tar"));
    String base =
        set.buildBase(
            Files.createDirectories(work.resolve("rootfs")),
            AptSource.parse(
                "deb [trusted=yes] http://pulp.example/stx/branches/master default all"));
    List<ImageDirective> images =
        DockerImageList.read(
            StxSourceTree.open(tree), "debian", "bookworm", "stable", Set.of(), Set.of());
    List<LocalImageSet.Outcome> outcomes = set.build(images, base, work.resolve("out"));

    assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.built()).isTrue());
    Path layout = work.resolve("out/oci/stx-nova");
    BuiltImage image = BuildahImageBuilder.read(tags.versioned("stx-nova"), layout);
    ObjectMapper json = new ObjectMapper();
    JsonNode manifest =
        json.readTree(BuildahImageBuilder.blob(layout, image.manifestDigest()).toFile());
    JsonNode config =
        json.readTree(
            BuildahImageBuilder.blob(layout, manifest.path("config").path("digest").asText())
                .toFile());
    JsonNode labels = config.path("config").path("Labels");
    assertThat(labels.path("loci.project").asText()).isEqualTo("nova");
    assertThat(labels.path("loci.repo").asText())
        .isEqualTo("https://opendev.org/openstack/nova.git");
    assertThat(labels.path("loci.ref").asText()).isEqualTo("stable/2023.1");
    assertThat(labels.path("loci.dist").asText()).isEqualTo("openssh-client libvirt-clients");
    assertThat(labels.path("loci.profiles").asText()).isEqualTo("fluent nova");
    assertThat(labels.path("loci.wheels").asText()).isEqualTo("stx-debian-stable-wheels.tar");
  }
}
