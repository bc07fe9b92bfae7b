package org.starlingx.stxbuild.engine.status;

/** How a build ended, as recorded for retention, change detection and people. */
public enum BuildResult {
  /** Everything it had to do was done; its outputs are the line's last good build. */
  SUCCESS,
  /** A step failed; its session was removed. */
  FAILED,
  /** Stopped by a person or by the controller before it finished. */
  ABORTED,
  /** Nothing changed since the last good build, so nothing was built. */
  UNCHANGED
}
