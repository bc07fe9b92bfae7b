package org.starlingx.stxbuild.cli;

import java.io.PrintStream;
import org.starlingx.stxbuild.engine.packagebuild.BuildProgress;
import org.starlingx.stxbuild.engine.schedule.TaskResult;

/** Prints one line per package as it ends: {@code [ 3/10] built stx-hello on worker-1 (2.1 s)}. */
final class ConsoleBuildProgress implements BuildProgress {
  private final PrintStream out;

  ConsoleBuildProgress(PrintStream out) {
    this.out = out;
  }

  @Override
  public synchronized void note(String message) {
    out.println("      " + message);
  }

  @Override
  public synchronized void packageDone(TaskResult result, int done, int total) {
    String width = String.valueOf(String.valueOf(total).length());
    out.printf(
        "      [%" + width + "d/%d] %-7s %s%s%s%n",
        done,
        total,
        result.state().name().toLowerCase(),
        result.id(),
        result.worker().isEmpty()
            ? ""
            : String.format(" on %s (%.1f s)", result.worker(), result.millis() / 1000.0),
        result.reason().isEmpty() ? "" : ": " + result.reason());
  }
}
