package org.starlingx.stxbuild.engine.schedule;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Turns SIGTERM and SIGINT (and a whole-build deadline) into an abort: the signal is set, so the
 * workers stop every process group they started and the build aborts its session and writes its
 * report and summary; the JVM waits for that (up to a grace period) before it ends. Without it the
 * JVM ended at once while dpkg-buildpackage and its children kept running and the repository
 * session stayed behind.
 */
public final class GracefulStop implements AutoCloseable {
  private final AbortSignal abort;
  private final Duration grace;
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook;
  private final ScheduledExecutorService timer;

  private GracefulStop(AbortSignal abort, Duration grace, Duration buildTimeout) {
    this.abort = abort;
    this.grace = grace;
    this.hook = new Thread(this::stopAndWait, "graceful-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    if (buildTimeout != null) {
      timer =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread thread = new Thread(r, "build-timeout");
                thread.setDaemon(true);
                return thread;
              });
      timer.schedule(
          () ->
              abort.abort("the whole build ran longer than " + buildTimeout + " (--build-timeout)"),
          buildTimeout.toMillis(),
          TimeUnit.MILLISECONDS);
    } else {
      timer = null;
    }
  }

  /**
   * Watches for signals and the deadline until {@link #close()} (the build has ended and said so).
   *
   * @param grace how long a signalled JVM waits for the build to wind down
   * @param buildTimeout the whole build's limit; null for none
   */
  public static GracefulStop install(AbortSignal abort, Duration grace, Duration buildTimeout) {
    return new GracefulStop(abort, grace, buildTimeout);
  }

  private void stopAndWait() {
    abort.abort("stopped by a signal (SIGTERM or SIGINT)");
    try {
      finished.await(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The build has ended (summary and report written): a signalled JVM may end now. */
  @Override
  public void close() {
    finished.countDown();
    if (timer != null) {
      timer.shutdownNow();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running and returns now that the build has ended
    }
  }
}
