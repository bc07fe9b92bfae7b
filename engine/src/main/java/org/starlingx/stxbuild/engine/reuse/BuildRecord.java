package org.starlingx.stxbuild.engine.reuse;

import java.util.List;

/**
 * One good package build as the shared repository remembers it: what it consumed (the input
 * fingerprint) and what it produced (the {@code .deb} files by sha256), and whose build it was.
 *
 * @param sourcePackage the source package built
 * @param fingerprint sha256 of every input ({@link
 *     org.starlingx.stxbuild.engine.incremental.InputFingerprint})
 * @param line the build line (branch session names) that built it
 * @param project the project of that line, empty when unknown
 * @param debs the files produced
 */
public record BuildRecord(
    String sourcePackage, String fingerprint, String line, String project, List<Deb> debs) {
  public BuildRecord {
    debs = List.copyOf(debs);
    if (debs.isEmpty()) {
      throw new IllegalArgumentException(
          "build record of " + sourcePackage + " names no .deb; a good build produces one");
    }
  }

  /** One produced file: its name and sha256. */
  public record Deb(String file, String sha256) {}
}
