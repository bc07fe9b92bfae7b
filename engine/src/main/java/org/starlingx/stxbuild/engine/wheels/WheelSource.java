package org.starlingx.stxbuild.engine.wheels;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of StarlingX's base wheels list ({@code build-tools/build-wheels/debian-<codename>/
 * <stream>-wheels.cfg}): {@code wheel|pypi|url}, {@code wheel|tar|url|basedir[|fix_setup]}, {@code
 * wheel|zip|url|basedir}, or {@code wheel|git|url|basedir|branch}.
 *
 * @param wheel the wheel file it yields, for example {@code alembic-1.18.4-py3-none-any.whl}
 * @param type {@code pypi} (the wheel itself), {@code tar} or {@code zip} (a source archive to
 *     build it from), {@code git} (a repository)
 * @param url where the file or repository is
 * @param baseDir the directory the archive unpacks to; empty for pypi
 */
public record WheelSource(String wheel, String type, URI url, String baseDir) {
  public WheelSource {
    if (!wheel.endsWith(".whl") || wheel.contains("/") || wheel.startsWith(".")) {
      throw new IllegalArgumentException(
          "wheel '" + wheel + "': expected a wheel file name such as name-1.0-py3-none-any.whl");
    }
    if (!List.of("pypi", "tar", "zip", "git").contains(type)) {
      throw new IllegalArgumentException(
          "wheel " + wheel + ": type '" + type + "' is unknown; expected pypi, tar, zip or git");
    }
    if (!type.equals("pypi")
        && (baseDir.isEmpty() || baseDir.contains("..") || baseDir.startsWith("/"))) {
      throw new IllegalArgumentException(
          "wheel "
              + wheel
              + ": basedir '"
              + baseDir
              + "' must name the directory the "
              + type
              + " source unpacks to");
    }
  }

  /** The list's entries; errors name the file and line. */
  public static List<WheelSource> read(Path cfg) {
    List<String> lines;
    try {
      lines = Files.readAllLines(cfg);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + cfg, e);
    }
    List<WheelSource> sources = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).replaceAll("#.*", "").strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] fields = line.split("\\|", -1);
      try {
        if (fields.length < 3) {
          throw new IllegalArgumentException(
              "expected wheel|type|url[|basedir[|branch or fix_setup]]");
        }
        sources.add(
            new WheelSource(
                fields[0].strip(),
                fields[1].strip(),
                URI.create(fields[2].strip()),
                fields.length > 3 ? fields[3].strip() : ""));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(cfg + ":" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return sources;
  }
}
