package org.starlingx.stxbuild.engine.change;

import java.util.Optional;
import org.starlingx.stxbuild.engine.status.BuildRecord;
import org.starlingx.stxbuild.engine.status.BuildStatusStore;

/**
 * Decides whether a line needs a build: only when its sources differ from its last good build's,
 * when it never had a good build, or when forced.
 */
public final class ChangeDetector {
  private final BuildStatusStore status;

  public ChangeDetector(BuildStatusStore status) {
    this.status = status;
  }

  public ChangeDecision decide(String line, String fingerprint, boolean force) {
    Optional<BuildRecord> lastGood = status.lastGood(line);
    if (force) {
      return new ChangeDecision(true, "forced", fingerprint, lastGood);
    }
    if (lastGood.isEmpty()) {
      return new ChangeDecision(true, "no good build of " + line + " yet", fingerprint, lastGood);
    }
    BuildRecord last = lastGood.get();
    if (last.sourceFingerprint().equals(fingerprint)) {
      return new ChangeDecision(
          false,
          "sources unchanged since good build "
              + last.buildId()
              + " ("
              + short12(fingerprint)
              + ")",
          fingerprint,
          lastGood);
    }
    return new ChangeDecision(
        true,
        "sources changed since good build "
            + last.buildId()
            + " ("
            + short12(last.sourceFingerprint())
            + " -> "
            + short12(fingerprint)
            + ")",
        fingerprint,
        lastGood);
  }

  private static String short12(String sha256) {
    return sha256.length() > 12 ? sha256.substring(0, 12) : sha256;
  }
}
