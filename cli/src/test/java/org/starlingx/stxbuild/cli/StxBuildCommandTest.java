package org.starlingx.stxbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class StxBuildCommandTest {
  @Test
  void noCommandIsAUsageErrorWithExitCodeTwo() {
    CommandLine commandLine = StxBuildCommand.commandLine();
    commandLine.setErr(new PrintWriter(new StringWriter()));
    assertThat(commandLine.execute()).isEqualTo(2);
  }

  @Test
  void aDemoWithoutATreeFailsWithExitOneAndSaysWhy() {
    CommandLine commandLine = StxBuildCommand.commandLine();
    StringWriter err = new StringWriter();
    commandLine.setErr(new PrintWriter(err));
    assertThat(commandLine.execute("demo", "--tree", "/nonexistent/tree")).isEqualTo(1);
    assertThat(err.toString()).contains("--tree /nonexistent/tree is not a directory");
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : StxBuildCommand.commandLine().getSubcommands().keySet()) {
      if (command.equals("help")) {
        continue;
      }
      CommandLine commandLine = StxBuildCommand.commandLine();
      StringWriter out = new StringWriter();
      commandLine.setOut(new PrintWriter(out));
      assertThat(commandLine.execute(command, "--help")).as(command).isZero();
      assertThat(out.toString()).as(command).contains("Usage: stx-build " + command);
    }
  }
}
