package org.starlingx.stxbuild.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.starlingx.stxbuild.testenv.kube.KubeCluster;
import org.starlingx.stxbuild.testenv.kube.KubeClusterExtension;
import org.starlingx.stxbuild.testenv.kube.TestNamespace;

/**
 * The chart's {@code helm template} output, sent to the real API server: every object is accepted
 * (server-side dry run, the server's message shown otherwise), and the build service account it
 * creates manages pods in the build namespaces and nowhere else.
 */
@ExtendWith(KubeClusterExtension.class)
class HelmChartIT {
  private static final Set<String> RBAC_KINDS = Set.of("ServiceAccount", "Role", "RoleBinding");

  @Test
  void everyRenderedObjectIsAcceptedByTheRealApiServer(
      KubernetesClient client, TestNamespace release) throws Exception {
    List<String> buildNamespaces = List.of(release.name() + "-b1", release.name() + "-b2");
    List<HasMetadata> objects =
        HelmTemplate.render(
            release.name(),
            List.of(
                "buildNamespaces={" + String.join(",", buildNamespaces) + "}",
                "registry.enabled=true"));
    assertThat(objects)
        .extracting(HasMetadata::getKind)
        .contains(
            "Deployment",
            "StatefulSet",
            "Service",
            "Secret",
            "PersistentVolumeClaim",
            "Namespace",
            "Role",
            "RoleBinding",
            "ServiceAccount");

    List<String> refused = new ArrayList<>();
    try {
      createNamespaces(client, objects);
      for (HasMetadata object : objects) {
        if (object instanceof Namespace) {
          continue;
        }
        try {
          client.resource(object).dryRun().create();
        } catch (KubernetesClientException e) {
          refused.add(
              object.getKind()
                  + " "
                  + object.getMetadata().getName()
                  + ": "
                  + e.getStatus().getMessage());
        }
      }
    } finally {
      deleteNamespaces(client, objects);
    }
    assertThat(refused).as("objects the API server refused").isEmpty();
  }

  @Test
  void theBuildServiceAccountManagesPodsOnlyInTheBuildNamespaces(
      KubernetesClient client, TestNamespace release, KubeCluster cluster) throws Exception {
    String buildNamespace = release.name() + "-builds";
    List<HasMetadata> objects =
        HelmTemplate.render(release.name(), List.of("buildNamespaces={" + buildNamespace + "}"));
    try {
      createNamespaces(client, objects);
      objects.stream()
          .filter(o -> RBAC_KINDS.contains(o.getKind()))
          .forEach(o -> client.resource(o).create());

      try (KubernetesClient builds = cluster.serviceAccountClient(release.name(), "stx-build")) {
        Pod created = builds.pods().inNamespace(buildNamespace).resource(pod()).create();
        assertThat(created.getMetadata().getNamespace()).isEqualTo(buildNamespace);
        assertThat(builds.pods().inNamespace(buildNamespace).list().getItems()).hasSize(1);

        for (String elsewhere : List.of(release.name(), "default", "kube-system")) {
          assertThatThrownBy(() -> builds.pods().inNamespace(elsewhere).resource(pod()).create())
              .as("creating a pod in %s", elsewhere)
              .isInstanceOfSatisfying(
                  KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
        }
        assertThatThrownBy(() -> builds.secrets().inNamespace(release.name()).list())
            .isInstanceOfSatisfying(
                KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
        assertThatThrownBy(() -> builds.namespaces().list())
            .isInstanceOfSatisfying(
                KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
      }
    } finally {
      deleteNamespaces(client, objects);
    }
  }

  private static Pod pod() {
    return new PodBuilder()
        .withNewMetadata()
        .withName("probe")
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

  /** The chart's build namespaces are created for real: namespaced objects need them to exist. */
  private static void createNamespaces(KubernetesClient client, List<HasMetadata> objects) {
    objects.stream().filter(Namespace.class::isInstance).forEach(n -> client.resource(n).create());
  }

  private static void deleteNamespaces(KubernetesClient client, List<HasMetadata> objects) {
    objects.stream()
        .filter(Namespace.class::isInstance)
        .forEach(n -> client.namespaces().withName(n.getMetadata().getName()).delete());
  }
}
