package org.starlingx.stxbuild.engine.status;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.starlingx.stxbuild.engine.repo.SessionNames;

/**
 * One build of a line (a user's project and branch), as recorded when it ended.
 *
 * @param line the build line's key, a repository-safe name (for example from {@code BuildScope})
 * @param buildId the build's id within its line
 * @param result how it ended
 * @param sourceFingerprint sha256 over the sources it built; change detection compares it
 * @param startedAt when it started
 * @param finishedAt when it ended
 * @param details free-form facts worth keeping (session, release, counts, output location)
 */
public record BuildRecord(
    String line,
    String buildId,
    BuildResult result,
    String sourceFingerprint,
    Instant startedAt,
    Instant finishedAt,
    Map<String, String> details) {
  public BuildRecord {
    SessionNames.requireName(line, "build line");
    SessionNames.requireName(buildId, "build id");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    sourceFingerprint = sourceFingerprint == null ? "" : sourceFingerprint;
    details = details == null ? Map.of() : Map.copyOf(details);
  }

  /** True when later builds may start from this one. */
  public boolean good() {
    return result == BuildResult.SUCCESS;
  }
}
