package org.starlingx.stxbuild.engine.retention;

import java.util.List;

/**
 * What a sweep removed (or, in a dry run, would remove) and what it kept and why.
 *
 * @param dryRun true when nothing was changed
 */
public record RetentionReport(boolean dryRun, List<StoredItem> removed, List<Kept> kept) {

  /** An item retention kept, and the reason. */
  public record Kept(StoredItem item, String reason) {}

  public RetentionReport {
    removed = List.copyOf(removed);
    kept = List.copyOf(kept);
  }
}
