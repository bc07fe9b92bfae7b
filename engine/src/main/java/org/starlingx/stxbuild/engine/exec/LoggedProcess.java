package org.starlingx.stxbuild.engine.exec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs a long command (argv, no shell) in its own process group with its output going to a log
 * file, capped at a size; stops the whole group when {@code aborted} turns true or its deadline
 * passes, so neither an abort nor a hanging build leaves a process behind.
 */
public final class LoggedProcess {
  /** The line written where a log reached its cap; {@link LogTail} looks for it. */
  public static final String TRUNCATED = "[starlingx-build: log truncated at ";

  /** How a command ended. */
  public record Ended(int exit, boolean aborted, boolean timedOut, boolean logTruncated) {}

  private LoggedProcess() {}

  /** Returns the exit code; -1 when aborted. {@code env} is the whole environment. */
  public static int run(
      Path workDir,
      List<String> command,
      Map<String, String> env,
      Path log,
      BooleanSupplier aborted) {
    Ended ended = run(workDir, command, env, log, aborted, Long.MAX_VALUE, Long.MAX_VALUE);
    return ended.aborted() || ended.timedOut() ? -1 : ended.exit();
  }

  /**
   * Runs {@code command} with exactly {@code env}, appending its output to {@code log} until the
   * log holds {@code maxLogBytes} (then one line says so and the rest is dropped), and stopping it
   * at {@code deadlineNanos} ({@link System#nanoTime()}) or when {@code aborted}.
   */
  public static Ended run(
      Path workDir,
      List<String> command,
      Map<String, String> env,
      Path log,
      BooleanSupplier aborted,
      long deadlineNanos,
      long maxLogBytes) {
    try {
      Files.createDirectories(log.getParent());
      // setsid: the command leads its own process group, which is killed as a whole.
      List<String> argv = new ArrayList<>(List.of("setsid"));
      argv.addAll(command);
      ProcessBuilder builder =
          new ProcessBuilder(argv).directory(workDir.toFile()).redirectErrorStream(true);
      BuildEnvironment.apply(builder, env);
      Process process = builder.start();
      process.getOutputStream().close();
      CappedCopy copy = new CappedCopy(process.getInputStream(), log, maxLogBytes);
      Thread copier = new Thread(copy, "log-" + process.pid());
      copier.setDaemon(true);
      copier.start();
      try {
        while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
          if (aborted.getAsBoolean()) {
            destroyTree(process);
            return new Ended(-1, true, false, copy.truncated);
          }
          if (System.nanoTime() - deadlineNanos > 0) {
            destroyTree(process);
            return new Ended(-1, false, true, copy.truncated);
          }
        }
        // The group may hold stragglers that outlive the command (daemons of a test suite).
        killGroup(process.pid());
        return new Ended(process.exitValue(), false, false, copy.truncated);
      } finally {
        copier.join(TimeUnit.SECONDS.toMillis(10));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command.get(0) + " in " + workDir, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Ended(-1, true, false, false);
    }
  }

  /** Stops the process's group and everything it started, so nothing is left running. */
  static void destroyTree(Process process) throws InterruptedException {
    killGroup(process.pid());
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** SIGKILL to the process group {@code pgid} (the setsid'd command's pid). */
  public static void killGroup(long pgid) {
    try {
      Process kill =
          new ProcessBuilder("kill", "-KILL", "--", "-" + pgid)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      kill.waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop process group " + pgid, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Copies a process's output into its log up to the cap, then drains the rest unseen. */
  private static final class CappedCopy implements Runnable {
    private final InputStream in;
    private final Path log;
    private final long max;
    volatile boolean truncated;

    CappedCopy(InputStream in, Path log, long max) {
      this.in = in;
      this.log = log;
      this.max = max;
    }

    @Override
    public void run() {
      try (in;
          OutputStream out =
              Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
        long room = Math.max(0, max - Files.size(log));
        byte[] buffer = new byte[64 * 1024];
        int read;
        while ((read = in.read(buffer)) >= 0) {
          if (room > 0) {
            int kept = (int) Math.min(read, room);
            out.write(buffer, 0, kept);
            room -= kept;
            if (room == 0 && kept < read) {
              markTruncated(out);
            }
          } else if (!truncated && read > 0) {
            markTruncated(out);
          }
        }
      } catch (IOException e) {
        // The process ended or its log cannot be written; the exit code tells the build.
      }
    }

    private void markTruncated(OutputStream out) throws IOException {
      truncated = true;
      out.write(
          ("\n" + TRUNCATED + max + " bytes; the rest of the output was dropped]\n")
              .getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
  }
}
