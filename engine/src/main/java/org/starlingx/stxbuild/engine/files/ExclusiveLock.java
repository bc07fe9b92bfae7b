package org.starlingx.stxbuild.engine.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * An exclusive lock of one process on a directory or resource, held in a lock file with an
 * operating-system lock: a second holder is refused at once with a message naming the first (pid,
 * host, since when), and the lock of a process that died is released by the kernel, so it is taken
 * over without anyone cleaning up. The file keeps the last holder's line for the message.
 */
public final class ExclusiveLock implements AutoCloseable {
  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private final Optional<String> takenOver;

  private ExclusiveLock(Path file, FileChannel channel, FileLock lock, Optional<String> takenOver) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
    this.takenOver = takenOver;
  }

  /** Another process holds the lock; the message names it. */
  public static final class HeldException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public HeldException(String message) {
      super(message);
    }
  }

  /**
   * Takes the lock in {@code file} (created with its directory) for {@code what}, for example "work
   * directory /w".
   *
   * @throws HeldException when another process (or another build in this one) holds it
   */
  public static ExclusiveLock acquire(Path file, String what) {
    Path path = file.toAbsolutePath().normalize();
    FileChannel channel = null;
    try {
      Files.createDirectories(path.getParent());
      channel =
          FileChannel.open(
              path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException sameProcess) {
        lock = null;
      }
      String previous = read(channel);
      if (lock == null) {
        channel.close();
        throw new HeldException(
            what
                + " is in use by another build ("
                + (previous.isBlank() ? "holder unknown" : previous)
                + "; lock file "
                + path
                + "); wait for it to end or use another directory");
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap((holder() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(true);
      return new ExclusiveLock(
          path, channel, lock, previous.isBlank() ? Optional.empty() : Optional.of(previous));
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("cannot lock " + what + " (" + path + ")", e);
    }
  }

  /** The line of the process that held the lock before and ended without releasing it. */
  public Optional<String> takenOver() {
    return takenOver;
  }

  public Path file() {
    return file;
  }

  /** Who holds a lock: this process's pid, host and start of holding. */
  static String holder() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "unknown host";
    }
    return "pid "
        + ProcessHandle.current().pid()
        + " on "
        + host
        + " since "
        + Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  private static String read(FileChannel channel) throws IOException {
    long size = Math.min(channel.size(), 4096);
    ByteBuffer buffer = ByteBuffer.allocate((int) size);
    channel.read(buffer, 0);
    return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
  }

  @Override
  public void close() {
    try {
      if (lock.isValid()) {
        // Emptied first: the next holder reports no stale holder after a clean release.
        channel.truncate(0);
        lock.release();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the lock " + file, e);
    } finally {
      closeQuietly(channel);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // already failing; the first error is the one reported
      }
    }
  }
}
