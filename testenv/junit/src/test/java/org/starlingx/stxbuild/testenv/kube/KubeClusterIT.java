package org.starlingx.stxbuild.testenv.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves the testenv cluster is a real one: it refuses, enforces and schedules as Kubernetes does.
 */
@ExtendWith(KubeClusterExtension.class)
class KubeClusterIT {

  static Pod pod(String name, Map<String, String> annotations) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withAnnotations(annotations)
        .endMetadata()
        .withNewSpec()
        .withRestartPolicy("Never")
        .addNewContainer()
        .withName("main")
        .withImage("debian:bookworm")
        .withCommand("true")
        .withNewResources()
        .addToRequests("cpu", new Quantity("100m"))
        .addToRequests("memory", new Quantity("64Mi"))
        .addToLimits("cpu", new Quantity("100m"))
        .addToLimits("memory", new Quantity("64Mi"))
        .endResources()
        .endContainer()
        .endSpec()
        .build();
  }

  @Test
  void anInvalidPodNameIsRefusedWith422(KubernetesClient client) {
    assertThatThrownBy(() -> client.pods().resource(pod("Bad_Name!", Map.of())).create())
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(422))
        .hasMessageContaining("Bad_Name!");
  }

  @Test
  void aResourceQuotaIsEnforced(KubernetesClient client) {
    ResourceQuota quota =
        client
            .resourceQuotas()
            .resource(
                new ResourceQuotaBuilder()
                    .withNewMetadata()
                    .withName("one-pod")
                    .endMetadata()
                    .withNewSpec()
                    .addToHard("pods", new Quantity("1"))
                    .endSpec()
                    .build())
            .create();
    // The quota controller must have computed the quota's usage before admission counts against it.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                client.resourceQuotas().withName(quota.getMetadata().getName()).get().getStatus()
                        != null
                    && client.resourceQuotas().withName("one-pod").get().getStatus().getHard()
                        != null);
    client.pods().resource(pod("first", Map.of("testenv.starlingx.org/outcome", "run"))).create();

    assertThatThrownBy(() -> client.pods().resource(pod("second", Map.of())).create())
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403))
        .hasMessageContaining("exceeded quota");
  }

  @Test
  void aPodIsScheduledOnAKwokNodeAndRunsToSuccessWhileAWatchSeesIt(KubernetesClient client)
      throws Exception {
    List<String> phases = new CopyOnWriteArrayList<>();
    try (Watch watch =
        client
            .pods()
            .withName("builder")
            .watch(
                new Watcher<>() {
                  @Override
                  public void eventReceived(Action action, Pod pod) {
                    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
                    if (phase != null
                        && (phases.isEmpty() || !phases.get(phases.size() - 1).equals(phase))) {
                      phases.add(phase);
                    }
                  }

                  @Override
                  public void onClose(WatcherException cause) {}
                })) {
      client
          .pods()
          .resource(pod("builder", Map.of("testenv.starlingx.org/duration", "2s")))
          .create();

      await().atMost(Duration.ofSeconds(30)).until(() -> phases.contains("Succeeded"));
    }
    Pod done = client.pods().withName("builder").get();
    assertThat(done.getSpec().getNodeName()).startsWith("stx-node-");
    assertThat(phases).containsSubsequence("Pending", "Running", "Succeeded");
    assertThat(terminated(done).getExitCode()).isZero();
  }

  @Test
  void aTestChoosesFailureOomKillOrEviction(KubernetesClient client) {
    client
        .pods()
        .resource(
            pod(
                "fails",
                Map.of(
                    "testenv.starlingx.org/outcome", "fail",
                    "testenv.starlingx.org/exit-code", "3")))
        .create();
    client.pods().resource(pod("oom", Map.of("testenv.starlingx.org/outcome", "oomkill"))).create();
    client
        .pods()
        .resource(pod("evicted", Map.of("testenv.starlingx.org/outcome", "evict")))
        .create();

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "Failed".equals(client.pods().withName("fails").get().getStatus().getPhase())
                    && "Failed".equals(client.pods().withName("oom").get().getStatus().getPhase())
                    && "Failed"
                        .equals(client.pods().withName("evicted").get().getStatus().getPhase()));
    assertThat(terminated(client.pods().withName("fails").get()).getExitCode()).isEqualTo(3);
    assertThat(terminated(client.pods().withName("oom").get()).getReason()).isEqualTo("OOMKilled");
    assertThat(client.pods().withName("evicted").get().getStatus().getReason())
        .isEqualTo("Evicted");
  }

  @Test
  void aServiceAccountWithoutRightsIsRefusedWith403(
      KubernetesClient client, TestNamespace namespace, KubeCluster cluster) {
    client
        .serviceAccounts()
        .resource(
            new ServiceAccountBuilder().withNewMetadata().withName("nobody").endMetadata().build())
        .create();

    try (KubernetesClient nobody = cluster.serviceAccountClient(namespace.name(), "nobody")) {
      assertThatThrownBy(() -> nobody.pods().list())
          .isInstanceOfSatisfying(
              KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403))
          .hasMessageContaining("system:serviceaccount:" + namespace.name() + ":nobody");
    }
  }

  private static ContainerStateTerminated terminated(Pod pod) {
    return pod.getStatus().getContainerStatuses().get(0).getState().getTerminated();
  }
}
