package org.starlingx.stxbuild.engine.retention;

import java.util.List;

/**
 * What a sweep removed (or, in a dry run, would remove) and what it kept and why.
 *
 * @param dryRun true when nothing was changed
 * @param content the packages kept because a kept build refers to them, and those removed
 */
public record RetentionReport(
    boolean dryRun, List<StoredItem> removed, List<Kept> kept, ContentSelection content) {

  public RetentionReport(boolean dryRun, List<StoredItem> removed, List<Kept> kept) {
    this(dryRun, removed, kept, ContentSelection.NONE);
  }

  /** An item retention kept, and the reason. */
  public record Kept(StoredItem item, String reason) {}

  public RetentionReport {
    removed = List.copyOf(removed);
    kept = List.copyOf(kept);
    content = content == null ? ContentSelection.NONE : content;
  }
}
