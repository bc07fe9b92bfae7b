package org.starlingx.stxbuild.engine.packagebuild;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The likely reason a chroot build failed, read from its log, for the corpus table. */
final class FailureReason {
  private FailureReason() {}

  static String of(Path log) {
    List<String> lines;
    try {
      lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      return "(log unreadable)";
    }
    for (String line : lines) {
      if (line.contains("Unable to locate package")
          || line.contains("has no installation candidate")
          || line.contains("but it is not installable")
          || line.contains("but it is not going to be installed")
          || line.contains("Unmet build dependencies")
          || line.contains("Temporary failure in name resolution")
          || line.contains("Could not resolve")
          || line.contains("Network is unreachable")) {
        return line.strip();
      }
    }
    for (int i = lines.size() - 1; i >= 0; i--) {
      String line = lines.get(i);
      if (line.contains("error") || line.contains("Error") || line.startsWith("E:")) {
        return line.strip();
      }
    }
    return lines.isEmpty() ? "(empty log)" : lines.get(lines.size() - 1).strip();
  }
}
