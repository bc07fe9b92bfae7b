package org.starlingx.stxbuild.engine.retention;

import java.util.List;

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
}
