package org.starlingx.stxbuild.engine.demo;

/** Receives progress of a long-running job, one step at a time. */
public interface ProgressListener {

  /** Step {@code index} of {@code total} has started. */
  void stepStarted(int index, int total, String description);

  /** The current step finished; {@code detail} says what it produced. */
  void stepDone(String detail);
}
