package org.starlingx.stxbuild.engine.schedule;

/** Runs one task on one worker; must return promptly once {@code abort} is set. */
@FunctionalInterface
public interface TaskRunner {
  TaskOutcome run(String taskId, int attempt, String worker, AbortSignal abort)
      throws InterruptedException;
}
