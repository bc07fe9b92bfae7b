package org.starlingx.stxbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ImagesCommandTest {
  static final Path TREE =
      Path.of("").toAbsolutePath().getParent().resolve("samples/stx-sample-tree");

  @Test
  void thePlanNamesEveryListedImageWithItsStarlingxReference() {
    CliRun run =
        CliRun.of(
            "images",
            "--tree",
            TREE.toString(),
            "--user",
            "ci",
            "--build-id",
            "20261124",
            "--registry",
            "reg.local:5000",
            "--plan");
    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .contains("base reg.local:5000/starlingx/stx-debian:")
        .containsPattern(
            "stx-sample-tool \\(docker, .*stx-sample-tool.stable_docker_image\\) ->"
                + " reg.local:5000/starlingx/stx-sample-tool:.*-debian-stable-20261124");
  }

  @Test
  void aTreeThatIsNotADirectoryIsNamed() {
    CliRun run = CliRun.of("images", "--tree", "/nonexistent/tree", "--plan");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("--tree /nonexistent/tree is not a directory");
  }
}
