package org.starlingx.stxbuild.engine.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The end of a log, read from the end of the file: a 400 MB log must not be read whole to show
 * three lines (it ran small heaps out of memory).
 */
public final class LogTail {
  /** How much of the end is read: enough for a few long lines. */
  static final int WINDOW = 64 * 1024;

  private LogTail() {}

  /** The last {@code count} lines of {@code log} (fewer if it is short; none if it is missing). */
  public static List<String> lastLines(Path log, int count) {
    List<String> lines = window(log).lines().toList();
    return lines.subList(Math.max(0, lines.size() - count), lines.size());
  }

  /** Whether the log reached its cap ({@link LoggedProcess#TRUNCATED} near its end). */
  public static boolean truncated(Path log) {
    return window(log).contains(LoggedProcess.TRUNCATED);
  }

  private static String window(Path log) {
    if (!Files.isRegularFile(log)) {
      return "";
    }
    try (SeekableByteChannel channel = Files.newByteChannel(log)) {
      long size = channel.size();
      int length = (int) Math.min(size, WINDOW);
      channel.position(size - length);
      ByteBuffer buffer = ByteBuffer.allocate(length);
      while (buffer.hasRemaining() && channel.read(buffer) > 0) {
        // keep reading
      }
      String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
      // A window starting mid-line shows its end only: drop the partial first line.
      int newline = text.indexOf('\n');
      return size > length && newline >= 0 ? text.substring(newline + 1) : text;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the end of " + log, e);
    }
  }
}
