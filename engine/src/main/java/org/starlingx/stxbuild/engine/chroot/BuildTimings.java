package org.starlingx.stxbuild.engine.chroot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The time spent inside {@code dpkg-buildpackage}, read from the markers a chroot build logs. */
public final class BuildTimings {
  private BuildTimings() {}

  /** Seconds between {@code STX-BUILD-START=} and {@code STX-BUILD-END=}, if both are logged. */
  public static Optional<Double> dpkgBuildpackageSeconds(List<String> lines) {
    Double start = null;
    Double end = null;
    for (String line : lines) {
      if (line.startsWith("STX-BUILD-START=")) {
        start = parse(line.substring("STX-BUILD-START=".length()));
      } else if (line.startsWith("STX-BUILD-END=")) {
        end = parse(line.substring("STX-BUILD-END=".length()));
      }
    }
    return start == null || end == null ? Optional.empty() : Optional.of(end - start);
  }

  public static Optional<Double> dpkgBuildpackageSeconds(Path log) {
    try {
      return dpkgBuildpackageSeconds(Files.readAllLines(log, StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + log, e);
    }
  }

  private static Double parse(String text) {
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
