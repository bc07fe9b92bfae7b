package org.starlingx.stxbuild.engine.exec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * Follows a {@link DetachedCommand} through its control directory: each {@link #poll} copies the
 * log on from where the last copy stopped and says whether the command still runs. A follower made
 * after a restart with the saved {@link #copied()} count continues without repeating lines.
 */
public final class DetachedCommandFollower {
  /** The control directory, wherever it is (a local directory, a Jenkins agent's workspace). */
  public interface ControlFiles {
    boolean exists(String name) throws IOException, InterruptedException;

    long length(String name) throws IOException, InterruptedException;

    InputStream readFrom(String name, long offset) throws IOException, InterruptedException;

    String read(String name) throws IOException, InterruptedException;
  }

  private final ControlFiles files;
  private final LongSupplier nanoClock;
  private long copied;
  private String lastAlive;
  private long aliveSince;

  public DetachedCommandFollower(ControlFiles files, long copied, LongSupplier nanoClock) {
    this.files = files;
    this.copied = copied;
    this.nanoClock = nanoClock;
    this.aliveSince = nanoClock.getAsLong();
  }

  /** How many log bytes have been copied so far (to save across a restart). */
  public long copied() {
    return copied;
  }

  /** Copies what the log gained, then tells the command's state; ended only once all is copied. */
  public DetachedCommand.State poll(OutputStream out) throws IOException, InterruptedException {
    // Read the exit code first: a log that grew before it was written is then copied whole.
    String exitCode =
        files.exists(DetachedCommand.EXIT_CODE) ? files.read(DetachedCommand.EXIT_CODE) : null;
    if (files.exists(DetachedCommand.LOG) && files.length(DetachedCommand.LOG) > copied) {
      try (InputStream in = files.readFrom(DetachedCommand.LOG, copied)) {
        copied += in.transferTo(out);
      }
      out.flush();
    }
    String alive = files.exists(DetachedCommand.ALIVE) ? files.read(DetachedCommand.ALIVE) : null;
    if (alive != null && !alive.equals(lastAlive)) {
      lastAlive = alive;
      aliveSince = nanoClock.getAsLong();
    }
    return DetachedCommand.state(exitCode, (nanoClock.getAsLong() - aliveSince) / 1_000_000_000L);
  }

  /** The control directory on this machine. */
  public static ControlFiles local(Path dir) {
    return new ControlFiles() {
      @Override
      public boolean exists(String name) {
        return Files.exists(dir.resolve(name));
      }

      @Override
      public long length(String name) throws IOException {
        return Files.size(dir.resolve(name));
      }

      @Override
      public InputStream readFrom(String name, long offset) throws IOException {
        InputStream in = Files.newInputStream(dir.resolve(name));
        in.skipNBytes(offset);
        return in;
      }

      @Override
      public String read(String name) throws IOException {
        return Files.readString(dir.resolve(name));
      }
    };
  }
}
