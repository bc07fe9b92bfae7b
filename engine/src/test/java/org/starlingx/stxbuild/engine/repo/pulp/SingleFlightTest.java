package org.starlingx.stxbuild.engine.repo.pulp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SingleFlightTest {

  @Test
  void callersOfOneKeyShareOneRunAndOnlyTheFirstComputes() throws Exception {
    SingleFlight<String, String> flight = new SingleFlight<>();
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<SingleFlight.Outcome<String>>> outcomes = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      outcomes.add(
          pool.submit(
              () ->
                  flight.run(
                      "sha",
                      () -> {
                        runs.incrementAndGet();
                        await(release);
                        return "artifact";
                      })));
    }
    Thread.sleep(100);
    release.countDown();
    int computedHere = 0;
    for (Future<SingleFlight.Outcome<String>> outcome : outcomes) {
      assertThat(outcome.get(5, TimeUnit.SECONDS).value()).isEqualTo("artifact");
      computedHere += outcome.get().computedHere() ? 1 : 0;
    }
    pool.shutdown();
    assertThat(runs).hasValue(1);
    assertThat(computedHere).isEqualTo(1);
  }

  @Test
  void aFailureReachesTheCallerAndTheNextCallRunsAgain() {
    SingleFlight<String, String> flight = new SingleFlight<>();
    assertThatThrownBy(
            () ->
                flight.run(
                    "k",
                    () -> {
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");
    assertThat(flight.run("k", () -> "ok").value()).isEqualTo("ok");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
