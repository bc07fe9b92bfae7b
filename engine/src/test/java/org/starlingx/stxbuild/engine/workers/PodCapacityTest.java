package org.starlingx.stxbuild.engine.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The step's maxPods bounded by the Kubernetes cloud's container cap, less the agent pod. */
class PodCapacityTest {
  @Test
  void theCloudsCapLessTheAgentPodBoundsTheBuild() {
    assertThat(PodCapacity.maxPods(8, 5)).isEqualTo(4);
    assertThat(PodCapacity.maxPods(3, 10)).isEqualTo(3);
    assertThat(PodCapacity.maxPods(8, 9)).isEqualTo(8);
  }

  @Test
  void aCapOfOneOrTwoStillRunsOnePod() {
    assertThat(PodCapacity.maxPods(8, 1)).isEqualTo(1);
    assertThat(PodCapacity.maxPods(8, 2)).isEqualTo(1);
  }

  @Test
  void noCapMeansWhatTheStepAsks() {
    assertThat(PodCapacity.maxPods(16, Integer.MAX_VALUE)).isEqualTo(16);
    assertThat(PodCapacity.maxPods(16, 0)).isEqualTo(16);
  }

  @Test
  void lessThanOnePodIsRefusedNamingTheParameter() {
    assertThatThrownBy(() -> PodCapacity.maxPods(0, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxPods is 0");
  }
}
