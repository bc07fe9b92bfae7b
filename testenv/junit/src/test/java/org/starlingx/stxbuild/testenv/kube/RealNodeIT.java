package org.starlingx.stxbuild.testenv.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The testenv's real node: a Ready kubelet of the control plane's version, on the bridge address,
 * that only pods asking for it reach; its containers run for real, and logs and exec go through the
 * API server to the kubelet.
 */
@ExtendWith(KubeClusterExtension.class)
class RealNodeIT {

  private static Pod debianPod(RealNode node, String name, boolean tolerate, String... command) {
    PodBuilder pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .endMetadata()
            .withNewSpec()
            .withRestartPolicy("Never")
            .withNodeSelector(node.nodeSelector())
            .addNewContainer()
            .withName("main")
            .withImage(node.image("debian"))
            .withCommand(command)
            .withNewResources()
            .addToLimits("memory", new io.fabric8.kubernetes.api.model.Quantity("64Mi"))
            .endResources()
            .endContainer()
            .endSpec();
    if (tolerate) {
      pod.editSpec()
          .addToTolerations(
              new TolerationBuilder()
                  .withKey(node.taintKey())
                  .withOperator("Equal")
                  .withValue("true")
                  .withEffect("NoSchedule")
                  .build())
          .endSpec();
    }
    return pod.build();
  }

  @Test
  void theNodeIsReadyOnTheBridgeWithTheControlPlanesVersionLabelledAndTainted(
      KubernetesClient client, RealNode node) {
    Node found = client.nodes().withName(node.name()).get();
    assertThat(found.getMetadata().getLabels()).containsEntry(node.labelKey(), node.labelValue());
    assertThat(found.getSpec().getTaints())
        .anySatisfy(
            t -> {
              assertThat(t.getKey()).isEqualTo(node.taintKey());
              assertThat(t.getEffect()).isEqualTo("NoSchedule");
            });
    assertThat(found.getStatus().getAddresses())
        .anySatisfy(
            a -> {
              assertThat(a.getType()).isEqualTo("InternalIP");
              assertThat(a.getAddress()).isEqualTo(node.address());
            });
    assertThat(found.getStatus().getNodeInfo().getKubeletVersion())
        .isEqualTo(client.getKubernetesVersion().getGitVersion());
    assertThat(found.getStatus().getNodeInfo().getContainerRuntimeVersion())
        .startsWith("containerd://");
  }

  @Test
  void aPodThatDoesNotTolerateTheTaintNeverLandsThere(KubernetesClient client, RealNode node) {
    client.pods().resource(debianPod(node, "untolerated", false, "true")).create();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                client.pods().withName("untolerated").get().getStatus().getConditions().stream()
                    .anyMatch(
                        c ->
                            "PodScheduled".equals(c.getType())
                                && "Unschedulable".equals(c.getReason())));
    assertThat(client.pods().withName("untolerated").get().getSpec().getNodeName()).isNull();
  }

  @Test
  void aContainerRunsForRealAndItsLogAndExecGoThroughTheApiServer(
      KubernetesClient client, RealNode node) throws Exception {
    client
        .pods()
        .resource(
            debianPod(
                node,
                "real",
                true,
                "bash",
                "-c",
                "echo \"debian $(cat /etc/debian_version) limit $(cat /sys/fs/cgroup/memory/memory.limit_in_bytes)\"; sleep 300"))
        .create();
    client
        .pods()
        .withName("real")
        .waitUntilCondition(p -> "Running".equals(p.getStatus().getPhase()), 90, TimeUnit.SECONDS);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> client.pods().withName("real").getLog(), log -> log.contains("limit"));
    assertThat(client.pods().withName("real").getLog())
        .containsPattern("debian 12\\.\\d+ limit " + 64L * 1024 * 1024);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ExecWatch exec =
        client.pods().withName("real").writingOutput(out).exec("cat", "/etc/hostname")) {
      assertThat(exec.exitCode().get(30, TimeUnit.SECONDS)).isZero();
    }
    assertThat(out.toString(StandardCharsets.UTF_8).strip()).isEqualTo("real");
    assertThat(node.runningContainers(client.getNamespace())).hasSize(2);

    client.pods().withName("real").withGracePeriod(0).delete();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> node.runningContainers(client.getNamespace()).isEmpty());
  }

  /**
   * The {@code kubernetes} service's ClusterIP leads to the API server as kube-proxy would make it
   * (real-node.sh: a route, a DNAT and a forwarder): an HTTP request over plain TCP gets the Go TLS
   * server's own answer, so a pod with a token can use in-cluster configuration.
   */
  @Test
  void theKubernetesServiceAnswersFromAPod(KubernetesClient client, RealNode node) {
    client
        .pods()
        .resource(
            debianPod(
                node,
                "api-service",
                true,
                "bash",
                "-c",
                "echo \"service $KUBERNETES_SERVICE_HOST:$KUBERNETES_SERVICE_PORT\";"
                    + " exec 3<>/dev/tcp/10.96.0.1/443"
                    + " && printf 'GET / HTTP/1.0\\r\\n\\r\\n' >&3 && timeout 10 cat <&3"))
        .create();
    Pod ended =
        client
            .pods()
            .withName("api-service")
            .waitUntilCondition(
                p -> p != null && List.of("Succeeded", "Failed").contains(p.getStatus().getPhase()),
                90,
                TimeUnit.SECONDS);
    String log = client.pods().withName("api-service").getLog();
    assertThat(log)
        .contains("service 10.96.0.1:443")
        .contains("Client sent an HTTP request to an HTTPS server");
    assertThat(ended.getStatus().getPhase()).isEqualTo("Succeeded");
  }

  @Test
  void podsOfOtherTestsStayOnKwokNodes(KubernetesClient client, RealNode node) {
    client.pods().resource(KubeClusterIT.pod("ordinary", Map.of())).create();
    String nodeName =
        client
            .pods()
            .withName("ordinary")
            .waitUntilCondition(p -> p.getSpec().getNodeName() != null, 30, TimeUnit.SECONDS)
            .getSpec()
            .getNodeName();
    assertThat(nodeName).isNotEqualTo(node.name()).startsWith("stx-node-");
  }
}
