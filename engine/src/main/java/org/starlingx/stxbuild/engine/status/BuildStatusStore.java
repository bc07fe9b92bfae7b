package org.starlingx.stxbuild.engine.status;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where builds record how they ended, so that later builds (change detection), retention and people
 * can read it. Records are never changed once written.
 */
public interface BuildStatusStore {
  /** Orders records by when they finished, then by id. */
  Comparator<BuildRecord> CHRONOLOGICAL =
      Comparator.comparing(BuildRecord::finishedAt).thenComparing(BuildRecord::buildId);

  /** Stores a record; a second record with the same line and build id is refused. */
  void record(BuildRecord record);

  /** Every record of a line, oldest first. */
  List<BuildRecord> history(String line);

  /** The line's most recent successful build. */
  default Optional<BuildRecord> lastGood(String line) {
    List<BuildRecord> history = history(line);
    for (int i = history.size() - 1; i >= 0; i--) {
      if (history.get(i).good()) {
        return Optional.of(history.get(i));
      }
    }
    return Optional.empty();
  }
}
