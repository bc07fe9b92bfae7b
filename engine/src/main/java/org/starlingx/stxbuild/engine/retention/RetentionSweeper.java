package org.starlingx.stxbuild.engine.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Removes expired build content from a store by a {@link RetentionPolicy}. */
public final class RetentionSweeper {
  private final RetentionPolicy policy;
  private final Clock clock;

  public RetentionSweeper(RetentionPolicy policy, Clock clock) {
    this.policy = policy;
    this.clock = clock;
  }

  /** The items the policy selects now, oldest first, and those it keeps with the reasons. */
  public RetentionReport plan(List<StoredItem> inventory) {
    Instant now = clock.instant();
    List<StoredItem> expired = new ArrayList<>();
    List<RetentionReport.Kept> kept = new ArrayList<>();
    for (StoredItem item : inventory) {
      Optional<String> reason = policy.keepReason(item, now);
      if (reason.isPresent()) {
        kept.add(new RetentionReport.Kept(item, reason.get()));
      } else {
        expired.add(item);
      }
    }
    expired.sort(Comparator.comparing(StoredItem::created));
    return new RetentionReport(true, expired, kept);
  }

  /**
   * Sweeps the store: with {@code dryRun} only reports what would go; otherwise removes it and the
   * packages no kept build refers to any more. Their build records go first, so reuse never starts
   * to refer to a package this sweep removes.
   */
  public RetentionReport sweep(RetentionStore store, boolean dryRun) {
    RetentionReport plan = plan(store.inventory());
    ContentSelection content = ContentSelection.of(store.builds(plan.removed()));
    if (dryRun) {
      return new RetentionReport(true, plan.removed(), plan.kept(), content);
    }
    store.forget(content.remove());
    plan.removed().forEach(store::delete);
    content.dropped().forEach(store::drop);
    store.cleanUnreferenced();
    store.removeContent(content.remove());
    return new RetentionReport(false, plan.removed(), plan.kept(), content);
  }
}
