package org.starlingx.stxbuild.cli;

import java.io.PrintStream;
import org.starlingx.stxbuild.engine.demo.ProgressListener;

/** Prints progress as {@code [i/n] step ... detail} lines, readable in a terminal and a CI log. */
final class ConsoleProgress implements ProgressListener {
  private final PrintStream out;
  private long startedAt;

  ConsoleProgress(PrintStream out) {
    this.out = out;
  }

  @Override
  public void stepStarted(int index, int total, String description) {
    startedAt = System.nanoTime();
    out.printf("[%d/%d] %s ...%n", index, total, description);
  }

  @Override
  public void stepDone(String detail) {
    long millis = (System.nanoTime() - startedAt) / 1_000_000;
    out.printf("      done in %d ms: %s%n", millis, detail);
  }
}
