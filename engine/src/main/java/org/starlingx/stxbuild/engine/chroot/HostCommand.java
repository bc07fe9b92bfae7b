package org.starlingx.stxbuild.engine.chroot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Runs a host command with the {@link CleanEnvironment} and its output in a log file. */
final class HostCommand {
  private HostCommand() {}

  static int run(List<String> argv, Path dir, Path log, boolean truncate) {
    return run(argv, dir, log, truncate, () -> false);
  }

  /** The exit code; -1 when aborted (the command and everything it started are stopped). */
  static int run(List<String> argv, Path dir, Path log, boolean truncate, BooleanSupplier aborted) {
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(resolved(argv))
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(
                  truncate
                      ? ProcessBuilder.Redirect.to(log.toFile())
                      : ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().clear();
      builder.environment().putAll(CleanEnvironment.host(dir.toString()));
      Process process = builder.start();
      process.getOutputStream().close();
      while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
        if (aborted.getAsBoolean()) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly();
          process.waitFor(10, TimeUnit.SECONDS);
          return -1;
        }
      }
      return process.exitValue();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + argv.get(0) + " in " + dir, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /**
   * The program looked up in the clean PATH: Java looks it up in the caller's PATH, which may lack
   * /usr/sbin (chroot, mount) or hold something else of the same name.
   */
  static List<String> resolved(List<String> argv) {
    String program = argv.get(0);
    if (program.contains("/")) {
      return argv;
    }
    for (String dir : CleanEnvironment.PATH.split(":")) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        List<String> copy = new java.util.ArrayList<>(argv);
        copy.set(0, candidate.toString());
        return copy;
      }
    }
    return argv;
  }
}
