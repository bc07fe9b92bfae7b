package org.starlingx.stxbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** detect-changes and record-status: the old pipeline's NEED_BUILD and record-build-status. */
class ChangeCommandsTest {
  private static final Path TREE =
      Path.of("").toAbsolutePath().getParent().resolve("samples/stx-sample-tree");
  @TempDir Path status;

  private String run(String... args) {
    CliRun run = CliRun.of(args);
    return run.exit() + "\n" + run.out();
  }

  @Test
  void aRecordedGoodBuildMakesTheNextCheckSayNoChange() {
    String first =
        run(
            "detect-changes",
            "--tree",
            TREE.toString(),
            "--status",
            status.toString(),
            "--build-id",
            "1");
    assertThat(first).startsWith("0\n").contains("NEED_BUILD=true");
    String fingerprint =
        first
            .lines()
            .filter(l -> l.startsWith("STX_SOURCE_FINGERPRINT="))
            .findFirst()
            .orElseThrow()
            .substring(23);

    assertThat(
            run(
                "record-status",
                "--status",
                status.toString(),
                "--build-id",
                "1",
                "--result",
                "success",
                "--fingerprint",
                fingerprint))
        .startsWith("0\n");
    assertThat(
            run(
                "detect-changes",
                "--tree",
                TREE.toString(),
                "--status",
                status.toString(),
                "--build-id",
                "2"))
        .contains("NEED_BUILD=false", "unchanged since good build");
    assertThat(
            run(
                "detect-changes",
                "--tree",
                TREE.toString(),
                "--status",
                status.toString(),
                "--build-id",
                "2",
                "--force"))
        .contains("NEED_BUILD=true", "forced");
    assertThat(
            run(
                "record-status",
                "--status",
                status.toString(),
                "--build-id",
                "1",
                "--result",
                "failed"))
        .as("a record is never overwritten")
        .startsWith("1\n");
    assertThat(
            run(
                "record-status",
                "--status",
                status.toString(),
                "--build-id",
                "3",
                "--result",
                "maybe"))
        .startsWith("1\n");
  }
}
