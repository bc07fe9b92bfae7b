package org.starlingx.stxbuild.engine.reuse;

import java.util.Locale;

/** Whose earlier builds a build may take packages from, when their inputs are identical. */
public enum ReuseScope {
  /** Only earlier builds of the same line (user × project × branch). */
  LINE,
  /** Earlier builds of any line of the same project. */
  PROJECT,
  /** Any earlier good build in the shared repository. */
  EVERYTHING;

  /** Reads {@code line}, {@code project} or {@code everything}. */
  public static ReuseScope parse(String value) {
    for (ReuseScope scope : values()) {
      if (scope.name().equalsIgnoreCase(value.strip())) {
        return scope;
      }
    }
    throw new IllegalArgumentException(
        "reuse scope '" + value + "' is unknown; expected line, project or everything");
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
