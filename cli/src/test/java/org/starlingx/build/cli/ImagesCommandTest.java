package org.starlingx.build.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ImagesCommandTest {
  static final Path TREE =
      Path.of("").toAbsolutePath().getParent().resolve("samples/stx-sample-tree");

  @Test
  void thePlanNamesEveryListedImageWithItsStarlingxReference() {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    PrintStream previous = System.out;
    int exit;
    try {
      System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
      exit =
          StxBuildCommand.commandLine()
              .execute(
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
    } finally {
      System.setOut(previous);
    }
    assertThat(exit).isZero();
    assertThat(stdout.toString(StandardCharsets.UTF_8))
        .contains("base reg.local:5000/starlingx/stx-debian:")
        .containsPattern(
            "stx-sample-tool \\(docker, .*stx-sample-tool.stable_docker_image\\) ->"
                + " reg.local:5000/starlingx/stx-sample-tool:.*-debian-stable-20261124");
  }

  @Test
  void aTreeThatIsNotADirectoryIsNamed() {
    StringWriter err = new StringWriter();
    var commandLine = StxBuildCommand.commandLine();
    commandLine.setErr(new PrintWriter(err));
    assertThat(commandLine.execute("images", "--tree", "/nonexistent/tree", "--plan")).isEqualTo(1);
    assertThat(err.toString()).contains("--tree /nonexistent/tree is not a directory");
  }
}
