package org.starlingx.stxbuild.engine.pods;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

/** Which waiting containers mean the pod will never start on its own. */
class PodStartFailureTest {
  private static Pod waiting(String reason, String message) {
    return new PodBuilder()
        .withNewMetadata()
        .withName("pkg-lib")
        .endMetadata()
        .withNewStatus()
        .withPhase("Pending")
        .addNewContainerStatus()
        .withName("pkgbuilder")
        .withNewState()
        .withNewWaiting()
        .withReason(reason)
        .withMessage(message)
        .endWaiting()
        .endState()
        .endContainerStatus()
        .endStatus()
        .build();
  }

  @Test
  void anImageThatCannotBePulledIsReportedWithTheKubeletsMessage() {
    var failure =
        PodStartFailure.of(waiting("ErrImagePull", "failed to pull image \"r/x:1\": not found"));
    assertThat(failure).isPresent();
    assertThat(failure.get().describe("pkg-lib"))
        .isEqualTo(
            "pod pkg-lib cannot start container pkgbuilder: ErrImagePull"
                + " (failed to pull image \"r/x:1\": not found)");
    assertThat(PodStartFailure.of(waiting("ImagePullBackOff", "Back-off pulling image")))
        .isPresent();
  }

  @Test
  void aContainerStillBeingCreatedOrPulledIsNotAFailure() {
    assertThat(PodStartFailure.of(waiting("ContainerCreating", null))).isEmpty();
    assertThat(PodStartFailure.of(waiting("PodInitializing", null))).isEmpty();
    assertThat(PodStartFailure.of(new PodBuilder().build())).isEmpty();
  }
}
