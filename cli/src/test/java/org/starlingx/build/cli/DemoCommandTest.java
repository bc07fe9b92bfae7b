package org.starlingx.build.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DemoCommandTest {

  @Test
  void demoPrintsProgressAndExitsZero(@TempDir Path output) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    int exit;
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      exit = StxBuildCommand.commandLine().execute("demo", "--output", output.toString());
    } finally {
      System.setOut(original);
    }

    String printed = captured.toString(StandardCharsets.UTF_8);
    assertThat(exit).isZero();
    assertThat(printed).contains("[1/3]", "[2/3]", "[3/3]", "Demo finished: 1 package(s)");
    assertThat(output.resolve("pool/stx-demo-hello_1.0-1_all.deb")).isRegularFile();
  }

  @Test
  void noCommandIsAUsageErrorWithExitCodeTwo() {
    CommandLine commandLine = StxBuildCommand.commandLine();
    commandLine.setErr(new java.io.PrintWriter(new java.io.StringWriter()));
    assertThat(commandLine.execute()).isEqualTo(2);
  }
}
