package org.starlingx.stxbuild.engine.schedule;

/**
 * How one task ended.
 *
 * @param id the task
 * @param state built, reused, failed, skipped or aborted
 * @param attempts how many times it ran (0 when skipped)
 * @param worker the worker of the last attempt
 * @param millis time of the last attempt
 * @param reason why it failed, was skipped or reused; empty when built
 * @param waitedFor when skipped: the failed task it (transitively) waited for; empty otherwise
 */
public record TaskResult(
    String id,
    State state,
    int attempts,
    String worker,
    long millis,
    String reason,
    String waitedFor) {
  public enum State {
    BUILT,
    REUSED,
    FAILED,
    SKIPPED,
    ABORTED
  }

  public TaskResult(
      String id, State state, int attempts, String worker, long millis, String reason) {
    this(id, state, attempts, worker, millis, reason, "");
  }
}
