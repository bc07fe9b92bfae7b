package org.starlingx.stxbuild.engine.schedule;

/**
 * One run of a task on a worker, as the report's timeline draws it: a retried or moved task has one
 * attempt per run.
 *
 * @param id the task
 * @param number 1 for the first run, 2 for the first retry, ...
 * @param worker the worker it ran on
 * @param startMillis when it started, from the build's start
 * @param endMillis when it ended, from the build's start
 * @param kind how this run ended
 * @param reason why it failed or was reused; empty when built
 */
public record TaskAttempt(
    String id,
    int number,
    String worker,
    long startMillis,
    long endMillis,
    Kind kind,
    String reason) {
  /** How one run ended. */
  public enum Kind {
    BUILT,
    REUSED,
    /** The build failed (it may have been retried). */
    FAILED,
    /** The worker failed, not the build: it was retried elsewhere or gave up. */
    INFRASTRUCTURE_FAILURE,
    ABORTED
  }

  public long millis() {
    return endMillis - startMillis;
  }

  /** Names this attempt in maps keyed by attempt, such as where it ran. */
  public String key() {
    return key(id, number);
  }

  public static String key(String id, int number) {
    return id + "#" + number;
  }
}
