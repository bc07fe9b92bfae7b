package org.starlingx.stxbuild.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The whole-build deadline aborts with its reason; a finished build leaves no hook behind. */
class GracefulStopTest {
  @Test
  void theBuildTimeoutAbortsWithItsReason() {
    AbortSignal abort = new AbortSignal();
    try (GracefulStop stop =
        GracefulStop.install(abort, Duration.ofSeconds(1), Duration.ofMillis(300))) {
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(abort::aborted);
    }
    assertThat(abort.reason()).contains("longer than PT0.3S (--build-timeout)");
  }

  @Test
  void aBuildThatEndsInTimeIsNotAbortedAndItsHookIsRemoved() throws Exception {
    AbortSignal abort = new AbortSignal();
    GracefulStop stop = GracefulStop.install(abort, Duration.ofSeconds(1), Duration.ofHours(1));
    stop.close();
    Thread.sleep(100);
    assertThat(abort.aborted()).isFalse();
  }
}
