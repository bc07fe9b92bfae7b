package org.starlingx.stxbuild.engine.pods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.starlingx.stxbuild.engine.scope.BuildScope;
import org.starlingx.stxbuild.engine.scope.NamespaceStrategy;
import org.starlingx.stxbuild.engine.scope.NamingPolicy;
import org.starlingx.stxbuild.engine.scope.ScopeNames;
import org.starlingx.stxbuild.engine.workers.ClusterWorkers;
import org.starlingx.stxbuild.testenv.kube.KubeCluster;
import org.starlingx.stxbuild.testenv.kube.KubeClusterExtension;
import org.starlingx.stxbuild.testenv.kube.TestNamespace;

/**
 * On the testenv's real API server: the build pod service account, with {@link PackagePodManager}'s
 * Role and nothing else, can open {@link ClusterWorkers} (namespace check, server-side dry run of a
 * package pod, the password Secret), create a package pod, and close: the package pod and Secret
 * are gone, the build's agent pod (same scope labels, builder role) is left running. It cannot
 * touch another namespace.
 */
@ExtendWith(KubeClusterExtension.class)
class PackagePodManagerIT {
  @Test
  void theBuildPodAccountManagesPackagePodsOfItsNamespaceOnly(
      KubeCluster cluster, TestNamespace namespace) throws Exception {
    String ns = namespace.name();
    ScopeNames names =
        new ScopeNames(
            new BuildScope("alice", "rbac", "main", "b1"),
            new NamingPolicy(NamespaceStrategy.SHARED, ns, "stx-"));
    try (KubernetesClient admin = cluster.adminClient(ns)) {
      admin
          .resource(
              new ServiceAccountBuilder()
                  .withNewMetadata()
                  .withName(RoleSettings.BUILD_POD_SERVICE_ACCOUNT)
                  .withNamespace(ns)
                  .endMetadata()
                  .withAutomountServiceAccountToken(false)
                  .build())
          .create();
      admin.resource(PackagePodManager.role(ns, Map.of())).create();
      admin.resource(PackagePodManager.roleBinding(ns, Map.of())).create();
      BuildPodFactory factory = new BuildPodFactory(names, Map.of());
      Pod agent = admin.resource(factory.agentPod(null)).create();

      try (KubernetesClient account =
          cluster.serviceAccountClient(ns, RoleSettings.BUILD_POD_SERVICE_ACCOUNT)) {
        ClusterWorkers.Settings settings =
            new ClusterWorkers.Settings(
                2,
                URI.create("http://pulp:24817"),
                URI.create("http://pulp:24816"),
                URI.create("http://pulp:24816"),
                "admin",
                Map.of(),
                null,
                Duration.ofMinutes(5));
        try (ClusterWorkers workers =
            ClusterWorkers.open(
                account,
                names,
                names.repositorySession(),
                null,
                "s3cr3t",
                settings,
                null,
                org.starlingx.stxbuild.engine.chroot.ChrootBuildOptions.of("bullseye"))) {
          Pod pkg =
              factory.pod(
                  BuildRole.PKGBUILDER, new PodStep("pkg-one", List.of("true"), Map.of()), null);
          account.resource(pkg).create();
          assertThat(account.pods().inNamespace(ns).withLabels(names.selector()).list().getItems())
              .hasSize(2);
          assertThat(account.secrets().inNamespace(ns).list().getItems()).isNotEmpty();
        }
        List<Pod> left =
            admin.pods().inNamespace(ns).withLabels(names.selector()).list().getItems().stream()
                .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
                .toList();
        assertThat(left)
            .extracting(p -> p.getMetadata().getName())
            .containsExactly(agent.getMetadata().getName());
        assertThat(admin.secrets().inNamespace(ns).withLabels(names.selector()).list().getItems())
            .isEmpty();
        assertThatThrownBy(() -> account.pods().inNamespace("default").list())
            .isInstanceOfSatisfying(
                KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
        assertThatThrownBy(
                () -> account.resource(PackagePodManager.role(ns, Map.of("x", "y"))).update())
            .isInstanceOfSatisfying(
                KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
      }
    }
  }
}
