package org.starlingx.stxbuild.engine.workers;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;
import org.starlingx.stxbuild.engine.schedule.TaskOutcome;

/** How a finished pkgbuilder pod maps to a build outcome: build failure versus worker failure. */
class KubernetesPodOutcomeTest {
  private static Pod ended(String phase, String reason, String terminatedReason, Integer exit) {
    PodBuilder pod =
        new PodBuilder()
            .withNewMetadata()
            .withName("pkg-lib")
            .endMetadata()
            .withNewStatus()
            .withPhase(phase)
            .withReason(reason)
            .withMessage(reason == null ? null : "The node was low on resource: memory.")
            .endStatus();
    if (exit != null) {
      pod.editStatus()
          .addNewContainerStatus()
          .withName("build")
          .withNewState()
          .withNewTerminated()
          .withReason(terminatedReason)
          .withExitCode(exit)
          .endTerminated()
          .endState()
          .endContainerStatus()
          .endStatus();
    }
    return pod.build();
  }

  @Test
  void theReportNamesThePodAndItsNode() {
    Pod pod = ended("Succeeded", null, "Completed", 0);
    PodProgress progress = new PodProgress(System::nanoTime);
    progress.saw(pod);
    assertThat(progress.placement().describe()).startsWith("pod pkg-lib (never scheduled)");
    pod.setSpec(
        new io.fabric8.kubernetes.api.model.PodSpecBuilder().withNodeName("kwok-node-2").build());
    progress.saw(pod);
    assertThat(progress.placement().describe()).startsWith("pod pkg-lib on node kwok-node-2, ");
  }

  @Test
  void succeededIsBuilt() {
    assertThat(KubernetesPodWorker.outcome(ended("Succeeded", null, "Completed", 0)))
        .isInstanceOf(TaskOutcome.Built.class);
  }

  @Test
  void aNonZeroExitIsABuildFailureNamingTheCode() {
    assertThat(KubernetesPodWorker.outcome(ended("Failed", null, "Error", 2)))
        .isEqualTo(new TaskOutcome.Failed("pod pkg-lib exited 2"));
  }

  @Test
  void oomKilledIsAnInfrastructureFailure() {
    assertThat(KubernetesPodWorker.outcome(ended("Failed", null, "OOMKilled", 137)))
        .isInstanceOfSatisfying(
            TaskOutcome.InfrastructureFailure.class,
            f -> assertThat(f.kind()).isEqualTo(TaskOutcome.Kind.OOM_KILLED));
  }

  @Test
  void evictionIsAnInfrastructureFailure() {
    assertThat(KubernetesPodWorker.outcome(ended("Failed", "Evicted", null, null)))
        .isInstanceOfSatisfying(
            TaskOutcome.InfrastructureFailure.class,
            f -> assertThat(f.kind()).isEqualTo(TaskOutcome.Kind.EVICTED));
  }

  @Test
  void aLostNodeIsAnInfrastructureFailure() {
    assertThat(KubernetesPodWorker.outcome(ended("Failed", "NodeLost", null, null)))
        .isInstanceOfSatisfying(
            TaskOutcome.InfrastructureFailure.class,
            f -> assertThat(f.kind()).isEqualTo(TaskOutcome.Kind.WORKER_LOST));
  }

  @Test
  void onlyTerminalPhasesEndTheWatch() {
    assertThat(KubernetesPodWorker.terminal(ended("Running", null, null, null))).isFalse();
    assertThat(KubernetesPodWorker.terminal(ended("Pending", null, null, null))).isFalse();
    assertThat(KubernetesPodWorker.terminal(ended("Failed", null, "Error", 1))).isTrue();
  }
}
