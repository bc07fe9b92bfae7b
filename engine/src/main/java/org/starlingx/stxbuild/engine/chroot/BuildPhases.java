package org.starlingx.stxbuild.engine.chroot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a chroot build's time goes: the build and its script log a {@code STX-PHASE <name> <epoch
 * seconds>} line as each step ends, and {@link #durations} turns them into seconds per step. The
 * corpus benchmark prints them, so the fixed cost of a package build (everything but {@code
 * dpkg-buildpackage}) can be told apart and cut where it is.
 */
public final class BuildPhases {
  /** Logged by the worker before anything of the build is done. */
  public static final String BEGIN = "begin";

  /** The source package and the in-tree build-deps copied into the build directory. */
  public static final String COPY_IN = "copy-in";

  /** New namespaces, the overlay and the mounts, the codename's .deb cache linked in. */
  public static final String OVERLAY = "overlay";

  /** The in-tree build-deps made a local apt source (nothing when there are none). */
  public static final String SESSION_SOURCE = "session-source";

  /** {@code dpkg-source -x}. */
  public static final String UNPACK_SOURCE = "dpkg-source";

  /** {@code apt-get build-dep}: resolving, unpacking and configuring the build-deps. */
  public static final String BUILD_DEPS = "build-deps";

  /** The build-deps downloaded now linked into the codename's .deb cache. */
  public static final String KEEP_DEBS = "keep-debs";

  /** From there to {@code dpkg-buildpackage}'s start (entering the network-less namespace). */
  public static final String ENTER_BUILD = "enter-build";

  /** {@code dpkg-buildpackage} itself. */
  public static final String DPKG_BUILDPACKAGE = "dpkg-buildpackage";

  /** The results listed and the overlay's writable layer removed. */
  public static final String COLLECT = "collect";

  private static final String PREFIX = "STX-PHASE ";

  private BuildPhases() {}

  /** The shell command that logs the end of a step. */
  public static String marker(String phase) {
    return "echo " + PREFIX + phase + " $(date +%s.%N)";
  }

  /** The log line for the end of a step, written by the worker itself. */
  public static String line(String phase, Instant at) {
    return PREFIX + phase + " " + at.getEpochSecond() + "." + String.format("%09d", at.getNano());
  }

  /**
   * Seconds per step, in the order they ended; a step is the time from the marker before it to its
   * own. {@code STX-BUILD-START}/{@code END} (see {@link BuildTimings}) count as markers too.
   */
  public static Map<String, Double> durations(List<String> lines) {
    Map<String, Double> durations = new LinkedHashMap<>();
    Double previous = null;
    for (String line : lines) {
      String name;
      String time;
      if (line.startsWith(PREFIX)) {
        String[] parts = line.substring(PREFIX.length()).strip().split("\\s+");
        if (parts.length != 2) {
          continue;
        }
        name = parts[0];
        time = parts[1];
      } else if (line.startsWith("STX-BUILD-START=")) {
        name = ENTER_BUILD;
        time = line.substring("STX-BUILD-START=".length());
      } else if (line.startsWith("STX-BUILD-END=")) {
        name = DPKG_BUILDPACKAGE;
        time = line.substring("STX-BUILD-END=".length());
      } else {
        continue;
      }
      double at;
      try {
        at = Double.parseDouble(time.strip());
      } catch (NumberFormatException e) {
        continue;
      }
      if (previous != null) {
        durations.merge(name, at - previous, Double::sum);
      }
      previous = at;
    }
    return durations;
  }

  public static Map<String, Double> durations(Path log) {
    try {
      return durations(Files.readAllLines(log, StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + log, e);
    }
  }
}
