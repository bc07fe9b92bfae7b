package org.starlingx.stxbuild.engine.daily;

/**
 * How one stage of the daily build ended: done, skipped (and why), failed, or planned (dry run).
 *
 * @param millis how long the stage ran (0 when it did not run: planned, or an instant stage)
 */
public record StageResult(String stage, String state, String detail, long millis) {
  public StageResult(String stage, String state, String detail) {
    this(stage, state, detail, 0);
  }
}
