package org.starlingx.stxbuild.engine.workers;

import java.time.Duration;

/**
 * Bounds of one package's build on a worker.
 *
 * @param packageTimeout how long one package may build before every process of it is stopped
 *     (generous by default: StarlingX's kernel builds for hours)
 * @param maxLogBytes how large its log may grow; the rest is dropped and the log says so
 */
public record WorkerLimits(Duration packageTimeout, long maxLogBytes) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(4);
  public static final long DEFAULT_MAX_LOG_BYTES = 200L * 1024 * 1024;
  public static final WorkerLimits DEFAULT =
      new WorkerLimits(DEFAULT_TIMEOUT, DEFAULT_MAX_LOG_BYTES);

  public WorkerLimits {
    if (packageTimeout.isNegative() || packageTimeout.isZero()) {
      throw new IllegalArgumentException(
          "the package timeout is " + packageTimeout + "; expected a positive duration");
    }
    if (maxLogBytes < 1024) {
      throw new IllegalArgumentException(
          "the log limit is " + maxLogBytes + " bytes; expected at least 1024");
    }
  }
}
