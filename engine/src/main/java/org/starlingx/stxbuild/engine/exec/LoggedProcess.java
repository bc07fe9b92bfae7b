package org.starlingx.stxbuild.engine.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs a long command (argv, no shell) with its output going to a log file, and stops it with every
 * process it started when {@code aborted} turns true.
 */
public final class LoggedProcess {
  private LoggedProcess() {}

  /** Returns the exit code; -1 when aborted. */
  public static int run(
      Path workDir,
      List<String> command,
      Map<String, String> env,
      Path log,
      BooleanSupplier aborted) {
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().putAll(env);
      Process process = builder.start();
      process.getOutputStream().close();
      while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
        if (aborted.getAsBoolean()) {
          destroyTree(process);
          return -1;
        }
      }
      return process.exitValue();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command.get(0) + " in " + workDir, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** Stops the process and everything it started, so an aborted build leaves nothing running. */
  static void destroyTree(Process process) throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }
}
