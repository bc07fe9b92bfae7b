package org.starlingx.build.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RetentionCommandTest {

  @Test
  void dryRunOnAnEmptyRepositoryReportsNothingAndExitsZero(@TempDir Path repo) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    int exit;
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      exit =
          StxBuildCommand.commandLine()
              .execute("retention", "--repo", repo.toString(), "--dry-run");
    } finally {
      System.setOut(original);
    }
    assertThat(exit).isZero();
    assertThat(captured.toString(StandardCharsets.UTF_8))
        .contains("Retention of 14 days", "would remove 0 item(s)", "nothing was changed");
  }

  @Test
  void aBadPeriodIsAFailureWithAClearMessage(@TempDir Path repo) {
    StringWriter err = new StringWriter();
    CommandLine commandLine = StxBuildCommand.commandLine();
    commandLine.setErr(new PrintWriter(err));
    int exit = commandLine.execute("retention", "--repo", repo.toString(), "--days", "0");
    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("retention days '0'").doesNotContain("Exception");
  }

  @Test
  void pulpWithoutAPasswordSaysHowToGiveOne() {
    StringWriter err = new StringWriter();
    CommandLine commandLine = StxBuildCommand.commandLine();
    commandLine.setErr(new PrintWriter(err));
    int exit = commandLine.execute("retention", "--pulp-url", "http://127.0.0.1:1", "--dry-run");
    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("--pulp-password-file", "STX_PULP_PASSWORD");
  }
}
