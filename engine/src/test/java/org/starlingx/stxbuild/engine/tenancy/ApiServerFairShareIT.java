package org.starlingx.stxbuild.engine.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.starlingx.stxbuild.engine.schedule.AbortSignal;
import org.starlingx.stxbuild.engine.scope.ScopeNames;
import org.starlingx.stxbuild.testenv.kube.KubeClusterExtension;
import org.starlingx.stxbuild.testenv.kube.TestNamespace;

/**
 * Two gates, as two processes would have, that share a capacity of 2 pkgbuilder pods only through
 * the API server: the running pods they see and the Leases in which they announce waiting work.
 */
@ExtendWith(KubeClusterExtension.class)
class ApiServerFairShareIT {
  @Test
  void aWaitingTenantGetsTheNextFreeSlotBeforeTheTenantThatHoldsThemAll(
      KubernetesClient admin, TestNamespace coordination) throws Exception {
    String prefix = "fs" + UUID.randomUUID().toString().substring(0, 6) + "-";
    String x = prefix + "x";
    String y = prefix + "y";
    ExecutorService pool = Executors.newCachedThreadPool();
    try (ApiServerFairShare gateX =
            new ApiServerFairShare(admin, coordination.name(), prefix, 2, System.out::println);
        ApiServerFairShare gateY =
            new ApiServerFairShare(admin, coordination.name(), prefix, 2, System.out::println)) {
      for (String namespace : List.of(x, y)) {
        admin
            .namespaces()
            .resource(
                new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
            .create();
      }
      // X alone takes both slots and runs a pod in each.
      FairShareGate.Slot first = gateX.admit(x, 1, new AbortSignal());
      FairShareGate.Slot second = gateX.admit(x, 1, new AbortSignal());
      admin.pods().inNamespace(x).resource(pod("x1")).create();
      admin.pods().inNamespace(x).resource(pod("x2")).create();

      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> admin.pods().inNamespace(x).list().getItems().size() == 2);
      Thread.sleep(1000); // the gates' informers see them
      Future<FairShareGate.Slot> yWaits = pool.submit(() -> gateY.admit(y, 1, new AbortSignal()));
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  admin
                      .resources(Lease.class)
                      .inNamespace(coordination.name())
                      .list()
                      .getItems()
                      .stream()
                      .anyMatch(
                          l ->
                              y.equals(
                                  l.getMetadata()
                                      .getAnnotations()
                                      .get(ApiServerFairShare.TENANT_ANNOTATION))));
      Future<FairShareGate.Slot> xWaits = pool.submit(() -> gateX.admit(x, 1, new AbortSignal()));
      Thread.sleep(2000);
      assertThat(yWaits).as("no room: Y waits").isNotDone();
      assertThat(xWaits).isNotDone();

      // One of X's package builds ends: the slot goes to Y, who waits and runs nothing.
      admin.pods().inNamespace(x).withName("x1").withGracePeriod(0).delete();
      admin
          .pods()
          .inNamespace(x)
          .withName("x1")
          .waitUntilCondition(p -> p == null, 30, TimeUnit.SECONDS);
      first.close();

      FairShareGate.Slot ySlot = yWaits.get(30, TimeUnit.SECONDS);
      admin.pods().inNamespace(y).resource(pod("y1")).create();
      Thread.sleep(2000);
      assertThat(xWaits).as("X is at its share while Y runs").isNotDone();

      for (String[] ended : new String[][] {{x, "x2"}, {y, "y1"}}) {
        admin.pods().inNamespace(ended[0]).withName(ended[1]).withGracePeriod(0).delete();
      }
      ySlot.close();
      second.close();
      xWaits.get(30, TimeUnit.SECONDS).close();
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(
                          admin
                              .resources(Lease.class)
                              .inNamespace(coordination.name())
                              .withLabel(ApiServerFairShare.DEMAND_LABEL)
                              .list()
                              .getItems())
                      .as("nothing waits: no Lease is left")
                      .isEmpty());
    } finally {
      pool.shutdownNow();
      admin.namespaces().withName(x).delete();
      admin.namespaces().withName(y).delete();
    }
  }

  private static Pod pod(String name) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .addToLabels(ScopeNames.ROLE_LABEL, "pkgbuilder")
        .addToAnnotations("testenv.starlingx.org/outcome", "run")
        .endMetadata()
        .withNewSpec()
        .withRestartPolicy("Never")
        .addNewContainer()
        .withName("main")
        .withImage("debian:bookworm")
        .endContainer()
        .endSpec()
        .build();
  }
}
