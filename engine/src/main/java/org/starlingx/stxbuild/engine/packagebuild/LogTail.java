package org.starlingx.stxbuild.engine.packagebuild;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The last lines of a log, read from the end of the file: a failed build's log can be gigabytes,
 * the report needs its last screenful. At most {@code maxBytes} are read and each line is cut to
 * {@code maxLineChars}.
 */
public final class LogTail {
  public static final int LINES = 40;
  public static final int BYTES = 16 * 1024;
  public static final int LINE_CHARS = 400;

  private LogTail() {}

  public static List<String> of(Path log) {
    return of(log, LINES, BYTES, LINE_CHARS);
  }

  /** The last lines, or one line saying why there are none (no log, unreadable). */
  public static List<String> of(Path log, int maxLines, int maxBytes, int maxLineChars) {
    if (!Files.isRegularFile(log)) {
      return List.of("(no log: " + log.getFileName() + " was not written)");
    }
    try (SeekableByteChannel channel = Files.newByteChannel(log)) {
      long size = channel.size();
      int length = (int) Math.min(size, maxBytes);
      ByteBuffer buffer = ByteBuffer.allocate(length);
      channel.position(size - length);
      while (buffer.hasRemaining() && channel.read(buffer) > 0) {
        // read what is there
      }
      String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
      List<String> lines = new ArrayList<>(text.lines().toList());
      if (length < size && !lines.isEmpty()) {
        lines.remove(0); // cut in the middle: not a whole line
      }
      List<String> last = lines.subList(Math.max(0, lines.size() - maxLines), lines.size());
      return last.stream()
          .map(l -> l.length() > maxLineChars ? l.substring(0, maxLineChars) + " [...]" : l)
          .toList();
    } catch (IOException e) {
      return List.of("(log " + log.getFileName() + " unreadable: " + e.getMessage() + ")");
    }
  }
}
