package org.starlingx.stxbuild.engine.retention;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** A store retention can sweep: Pulp, or the local repository. */
public interface RetentionStore {

  /** Everything in the store that builds created or that retention must know to keep. */
  List<StoredItem> inventory();

  /** Removes one item; content it shared with others stays. */
  void delete(StoredItem item);

  /**
   * Removes files and content no remaining item references and that are older than a grace period,
   * so what a running build has just stored but not yet added is safe.
   */
  void cleanUnreferenced();

  /**
   * The builds whose packages the store holds, each marked kept unless it belongs to an item in
   * {@code removed} or is an earlier state of a kept item that nothing serves any more. A store
   * that does not track packages per build returns none (and so removes no package by this).
   */
  default List<BuildContent> builds(Collection<StoredItem> removed) {
    return List.of();
  }

  /**
   * Makes reuse stop finding {@code content} (removes the build records on it) before it goes, so
   * no build starts to refer to a package retention is removing.
   */
  default void forget(Set<String> content) {}

  /** Removes builds no longer kept that removing items left behind (earlier states of a line). */
  default void drop(BuildContent build) {}

  /** Removes each of {@code content} that nothing refers to any more; what something does stays. */
  default void removeContent(Set<String> content) {}
}
