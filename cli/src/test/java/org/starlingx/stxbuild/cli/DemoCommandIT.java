package org.starlingx.stxbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main job: the sample tree built for real, then a second run rebuilds nothing. */
class DemoCommandIT {
  private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

  private static String demo(Path output, String... extra) {
    String[] args =
        java.util.stream.Stream.concat(
                java.util.stream.Stream.of(
                    "demo",
                    "--output",
                    output.toString(),
                    "--tree",
                    REPOSITORY.resolve("samples/stx-sample-tree").toString(),
                    "--upstream",
                    REPOSITORY.resolve("samples/stx-sample-upstream").toString()),
                java.util.stream.Stream.of(extra))
            .toArray(String[]::new);
    CliRun run = CliRun.of(args);
    assertThat(run.exit()).as(run.out()).isZero();
    return run.out();
  }

  @Test
  void theDemoBuildsTheSampleTreeWithProgressAndASecondRunRebuildsNothing(@TempDir Path output) {
    String first = demo(output);
    assertThat(first)
        .contains("[1/4]", "[2/4]", "[3/4]", "[4/4]")
        .contains("[10/10]")
        .contains("Demo finished: 10 packages (10 built, 0 reused, 0 failed, 0 skipped");

    String second = demo(output);
    assertThat(second).contains("(0 built, 10 reused, 0 failed, 0 skipped");
    assertThat(second).contains("2 already in the mirror");
  }
}
