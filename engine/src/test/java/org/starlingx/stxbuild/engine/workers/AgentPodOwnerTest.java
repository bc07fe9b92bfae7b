package org.starlingx.stxbuild.engine.workers;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.starlingx.stxbuild.engine.scope.BuildScope;
import org.starlingx.stxbuild.engine.scope.NamespaceStrategy;
import org.starlingx.stxbuild.engine.scope.NamingPolicy;
import org.starlingx.stxbuild.engine.scope.ScopeNames;

/**
 * Package pods made from the build's own agent pod are owned by it, so they go when it goes; a pod
 * of another build is never taken as owner.
 */
class AgentPodOwnerTest {
  private final ScopeNames build =
      new ScopeNames(
          new BuildScope("jenkins", "stx", "main", "abort-1"),
          new NamingPolicy(NamespaceStrategy.SHARED, "stx-builds", "stx-"));
  private final ScopeNames other =
      new ScopeNames(
          new BuildScope("jenkins", "stx", "main", "ok-1"),
          new NamingPolicy(NamespaceStrategy.SHARED, "stx-builds", "stx-"));

  private static Pod pod(String name, Map<String, String> labels) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withUid("uid-" + name)
        .withLabels(labels)
        .endMetadata()
        .build();
  }

  @Test
  void theBuildsAgentPodOwnsItsPackagePods() {
    OwnerReference owner = AgentPodOwner.of(pod("agent", build.labels()), build).orElseThrow();
    assertThat(owner.getKind()).isEqualTo("Pod");
    assertThat(owner.getName()).isEqualTo("agent");
    assertThat(owner.getUid()).isEqualTo("uid-agent");
    Pod packagePod = pod("pkg", build.labels());
    AgentPodOwner.own(packagePod, owner);
    assertThat(packagePod.getMetadata().getOwnerReferences()).containsExactly(owner);
  }

  @Test
  void aPodOfAnotherBuildOrWithoutLabelsIsNoOwner() {
    assertThat(AgentPodOwner.of(pod("agent", other.labels()), build)).isEmpty();
    assertThat(AgentPodOwner.of(pod("laptop", null), build)).isEmpty();
  }
}
