package org.starlingx.stxbuild.engine.workers;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PodProgressTest {
  private final AtomicLong now = new AtomicLong(0);
  private final PodProgress progress = new PodProgress(now::get);

  @Test
  void waitingForCapacityIsMeasuredAndTheStartLatencyCountsFromCreation() {
    now.set(seconds(1));
    progress.saw(unschedulable());
    assertThat(progress.running()).isFalse();
    now.set(seconds(31));
    progress.saw(scheduledOn("node-a"));
    now.set(seconds(33));
    progress.saw(running("node-a"));
    now.set(seconds(90));

    PodPlacement placement = progress.placement();
    assertThat(placement.node()).isEqualTo("node-a");
    assertThat(placement.waitedForCapacity()).isEqualTo(Duration.ofSeconds(30));
    assertThat(placement.startLatency()).isEqualTo(Duration.ofSeconds(33));
    assertThat(progress.runningSinceOrNow()).isEqualTo(seconds(33));
    assertThat(placement.describe())
        .isEqualTo("pod p on node node-a, running after 33.0 s (30.0 s waiting for capacity)");
  }

  @Test
  void aPodStillUnschedulableCountsItsWaitUntilNowAndItsTimeoutHasNotStarted() {
    progress.saw(unschedulable());
    now.set(seconds(12));
    assertThat(progress.placement().waitedForCapacity()).isEqualTo(Duration.ofSeconds(12));
    assertThat(progress.runningSinceOrNow()).isEqualTo(seconds(12));
    assertThat(progress.placement().describe()).contains("(never scheduled)");
  }

  private static long seconds(long s) {
    return Duration.ofSeconds(s).toNanos();
  }

  private static Pod unschedulable() {
    return new PodBuilder()
        .withNewMetadata()
        .withName("p")
        .endMetadata()
        .withNewSpec()
        .endSpec()
        .withNewStatus()
        .withPhase("Pending")
        .addNewCondition()
        .withType("PodScheduled")
        .withStatus("False")
        .withReason("Unschedulable")
        .endCondition()
        .endStatus()
        .build();
  }

  private static Pod scheduledOn(String node) {
    return new PodBuilder()
        .withNewMetadata()
        .withName("p")
        .endMetadata()
        .withNewSpec()
        .withNodeName(node)
        .endSpec()
        .withNewStatus()
        .withPhase("Pending")
        .addNewCondition()
        .withType("PodScheduled")
        .withStatus("True")
        .endCondition()
        .endStatus()
        .build();
  }

  private static Pod running(String node) {
    return new PodBuilder(scheduledOn(node))
        .editStatus()
        .withPhase("Running")
        .addNewContainerStatus()
        .withName("pkgbuilder")
        .withNewState()
        .withNewRunning()
        .endRunning()
        .endState()
        .endContainerStatus()
        .endStatus()
        .build();
  }
}
