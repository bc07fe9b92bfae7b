package org.starlingx.stxbuild.engine.packagebuild;

import java.util.List;

/**
 * How to build a tree.
 *
 * @param dist the distribution, {@code bullseye} or {@code trixie}
 * @param buildTypes {@code std}, {@code rt}, or both
 * @param arch the architecture packages are built for
 * @param workers how many packages build at once
 * @param retriesOnFailure how often a failed package is retried alone (flaky builds)
 * @param force rebuild every package even when its inputs did not change
 */
public record BuildSettings(
    String dist,
    List<String> buildTypes,
    String arch,
    int workers,
    int retriesOnFailure,
    boolean force) {
  public BuildSettings {
    buildTypes = List.copyOf(buildTypes);
    for (String type : buildTypes) {
      if (!type.matches("[a-z0-9]+")) {
        throw new IllegalArgumentException(
            "build type '" + type + "' is not usable; expected e.g. std or rt");
      }
    }
    if (workers < 1) {
      throw new IllegalArgumentException("workers is " + workers + "; expected at least 1");
    }
  }

  public static BuildSettings defaults() {
    return new BuildSettings("bullseye", List.of("std"), "amd64", 2, 0, false);
  }
}
