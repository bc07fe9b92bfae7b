package org.starlingx.stxbuild.engine.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.exec.CommandRunner;

/** A real image built daemonless with Debian's buildah from a local base, its layers checked. */
class BuildahImageBuilderIT {
  @TempDir Path work;

  @Test
  void buildsAnImageOnALocalBaseWithTheBaseLayerSharedAndTheNewFileOnTop() throws Exception {
    BuildahImageBuilder builder = new BuildahImageBuilder(work.resolve("storage"));
    Path rootfs = Files.createDirectories(work.resolve("rootfs/etc"));
    Files.writeString(rootfs.resolve("os-release"), "ID=stx-test-base\n");
    builder.baseFromDirectory(work.resolve("rootfs"), "localhost/stx-base:1");

    Path context = Files.createDirectories(work.resolve("context"));
    Files.writeString(context.resolve("tool.txt"), "build tool payload\n");
    Files.writeString(
        context.resolve("Dockerfile"),
        "FROM localhost/stx-base:1\nARG FLAVOR\nLABEL org.starlingx.flavor=$FLAVOR\nCOPY tool.txt /opt/stx/tool.txt\n");

    BuiltImage image =
        builder.build(
            new ImageBuildRequest(
                context, "Dockerfile", "localhost/stx-tool:1", Map.of("FLAVOR", "std")),
            work.resolve("oci"));
    assertThat(image.layers()).hasSize(2);

    String top = image.layers().get(1);
    String listing =
        CommandRunner.run(
                work,
                List.of(
                    "tar", "-tf", BuildahImageBuilder.blob(work.resolve("oci"), top).toString()))
            .output();
    assertThat(listing).contains("opt/stx/tool.txt").doesNotContain("etc/os-release");
    String bottom =
        CommandRunner.run(
                work,
                List.of(
                    "tar",
                    "-tf",
                    BuildahImageBuilder.blob(work.resolve("oci"), image.layers().get(0))
                        .toString()))
            .output();
    assertThat(bottom).contains("etc/os-release");
  }

  @Test
  void rebuildingATagLeavesNoUntaggedImageBehind() throws Exception {
    BuildahImageBuilder builder = new BuildahImageBuilder(work.resolve("storage"));
    Path rootfs = Files.createDirectories(work.resolve("rootfs/etc"));
    Path payload = Files.createDirectories(work.resolve("payload/opt"));
    for (int round = 1; round <= 2; round++) {
      // Different content each time, as a rebuild of the project's images after a change.
      Files.writeString(rootfs.resolve("os-release"), "ID=stx-test-base-" + round + "\n");
      builder.baseFromDirectory(work.resolve("rootfs"), "localhost/stx-base:1");
      Files.writeString(payload.resolve("tool.txt"), "round " + round + "\n");
      builder.imageFromDirectory(
          "localhost/stx-base:1",
          work.resolve("payload"),
          "/",
          Map.of(),
          List.of(),
          "localhost/stx-tool:1");
    }
    assertThat(builder.untaggedImages()).as("images left without a tag").isEmpty();
    assertThat(builder.has("localhost/stx-base:1")).isTrue();
    assertThat(builder.has("localhost/stx-tool:1")).isTrue();
  }

  @Test
  void aBadTagIsRefusedBeforeAnythingRuns() {
    assertThatThrownBy(() -> new ImageBuildRequest(work, "Dockerfile", "Bad Tag!", Map.of()))
        .hasMessageContaining("image tag 'Bad Tag!'");
    assertThatThrownBy(() -> new ImageBuildRequest(work, "../Dockerfile", "stx/a:1", Map.of()))
        .hasMessageContaining("inside the build context");
  }
}
