package org.starlingx.stxbuild.engine.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs an external program with an argument vector, never through a shell, so no input is ever
 * interpreted as shell syntax.
 */
public final class CommandRunner {

  /** What a finished command returned. */
  public record Result(int exitCode, String output) {}

  private CommandRunner() {}

  /**
   * Runs {@code command} in {@code workDir}, capturing standard output and error together.
   *
   * @throws CommandFailedException when the command exits non-zero or cannot be started
   */
  public static Result run(Path workDir, List<String> command) {
    return run(workDir, command, java.util.Map.of());
  }

  /** Like {@link #run(Path, List)}, with extra environment variables. */
  public static Result run(Path workDir, List<String> command, java.util.Map<String, String> env) {
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
    builder.environment().putAll(env);
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = process.waitFor();
      if (exit != 0) {
        throw new CommandFailedException(command, exit, output);
      }
      return new Result(exit, output);
    } catch (IOException e) {
      throw new CommandFailedException(command, -1, "could not start: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFailedException(command, -1, "interrupted");
    }
  }
}
