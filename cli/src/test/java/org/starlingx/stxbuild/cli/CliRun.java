package org.starlingx.stxbuild.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * One {@code stx-build} run inside the test: its exit code, what it printed (commands print to
 * {@code System.out}) and picocli's error stream.
 */
record CliRun(int exit, String out, String err) {
  static synchronized CliRun of(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    PrintStream original = System.out;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      var commandLine = StxBuildCommand.commandLine();
      commandLine.setErr(new PrintWriter(err));
      int exit = commandLine.execute(args);
      return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(original);
    }
  }
}
