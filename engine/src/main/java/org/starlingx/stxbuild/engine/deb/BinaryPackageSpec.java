package org.starlingx.stxbuild.engine.deb;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The control fields and files of a small binary package, enough to build a real {@code .deb} with
 * {@code dpkg-deb}. Used by the demo and by tests that need real packages.
 *
 * @param name Debian package name (lower case letters, digits, {@code + - .})
 * @param version Debian version, for example {@code 1.0-1}
 * @param architecture {@code all} or a Debian architecture such as {@code amd64}
 * @param description one-line description
 * @param files file contents keyed by their absolute path inside the package
 */
public record BinaryPackageSpec(
    String name,
    String version,
    String architecture,
    String description,
    Map<String, byte[]> files) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9+.-]+");
  private static final Pattern VERSION = Pattern.compile("([0-9]+:)?[0-9][A-Za-z0-9.+~:-]*");
  private static final Pattern ARCH = Pattern.compile("[a-z0-9-]+");

  public BinaryPackageSpec {
    Objects.requireNonNull(files, "files");
    require(name, NAME, "package name", "lower-case letters, digits, '+', '-' or '.'");
    require(version, VERSION, "version", "a Debian version such as 1.0-1");
    require(architecture, ARCH, "architecture", "'all' or a Debian architecture such as amd64");
    if (description == null || description.isBlank() || description.contains("\n")) {
      throw new IllegalArgumentException(
          "description of package '" + name + "' must be one non-empty line");
    }
    for (String path : files.keySet()) {
      if (!path.startsWith("/") || path.contains("/../") || path.endsWith("/..")) {
        throw new IllegalArgumentException(
            "file path '" + path + "' in package '" + name + "' must be absolute without '..'");
      }
    }
    files = Map.copyOf(files);
  }

  /** The file name Debian gives this package: {@code name_version_arch.deb}, epoch dropped. */
  public String fileName() {
    String upstream = version.contains(":") ? version.substring(version.indexOf(':') + 1) : version;
    return name + "_" + upstream + "_" + architecture + ".deb";
  }

  private static void require(String value, Pattern pattern, String what, String expected) {
    if (value == null || !pattern.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "invalid " + what + " '" + value + "': expected " + expected);
    }
  }
}
