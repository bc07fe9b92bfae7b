package org.starlingx.stxbuild.engine.images;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.starlingx.stxbuild.engine.pods.BuildPodFactory;
import org.starlingx.stxbuild.engine.pods.RoleSettings;
import org.starlingx.stxbuild.engine.schedule.AbortSignal;
import org.starlingx.stxbuild.engine.scope.BuildScope;
import org.starlingx.stxbuild.engine.scope.NamespaceStrategy;
import org.starlingx.stxbuild.engine.scope.NamingPolicy;
import org.starlingx.stxbuild.engine.scope.ScopeNames;
import org.starlingx.stxbuild.testenv.kube.KubeClusterExtension;
import org.starlingx.stxbuild.testenv.kube.TestNamespace;

/**
 * Image builds in pods on the real API server (KWOK plays the containers): the kaniko pod gets the
 * registry credentials from a scoped Secret that is gone afterwards, the sysbox pod lands on the
 * sysbox node, and a failing build is reported.
 *
 * <p>Why KWOK and not the real node: the sysbox pod needs a node whose runtime has the {@code
 * sysbox-runc} handler, which testenv's real node lacks (sysbox cannot be installed here, see
 * docs/testenv.md); the scoped Secret and the failure report are about the API objects the build
 * makes, which a played pod shows in seconds. The kaniko pod itself runs for real in {@code
 * KanikoRealNodeIT}.
 */
@ExtendWith(KubeClusterExtension.class)
class PodImageBuildIT {

  private PodImageBuild images(KubernetesClient client, TestNamespace namespace) {
    client
        .serviceAccounts()
        .resource(
            new ServiceAccountBuilder()
                .withNewMetadata()
                .withName(RoleSettings.BUILD_POD_SERVICE_ACCOUNT)
                .endMetadata()
                .build())
        .create();
    ScopeNames names =
        new ScopeNames(
            new BuildScope("alice", "stx", "master", "3"),
            new NamingPolicy(NamespaceStrategy.SHARED, namespace.name(), "stx-"));
    return new PodImageBuild(client, new BuildPodFactory(names, Map.of()));
  }

  @Test
  void aKanikoBuildUsesAScopedSecretThatIsRemovedAfterwards(
      KubernetesClient client, TestNamespace namespace) throws Exception {
    PodImageBuild images = images(client, namespace);
    List<String> seenSecrets = new CopyOnWriteArrayList<>();
    List<Pod> seenPods = new CopyOnWriteArrayList<>();
    client
        .secrets()
        .inform(
            new io.fabric8.kubernetes.client.informers.ResourceEventHandler<Secret>() {
              public void onAdd(Secret s) {
                if ("kubernetes.io/dockerconfigjson".equals(s.getType())) {
                  seenSecrets.add(
                      new String(
                          Base64.getDecoder().decode(s.getData().get(".dockerconfigjson")),
                          StandardCharsets.UTF_8));
                }
              }

              public void onUpdate(Secret a, Secret b) {}

              public void onDelete(Secret s, boolean unknown) {}
            });
    client
        .pods()
        .inform(
            new io.fabric8.kubernetes.client.informers.ResourceEventHandler<Pod>() {
              public void onAdd(Pod p) {
                seenPods.add(p);
              }

              public void onUpdate(Pod a, Pod b) {}

              public void onDelete(Pod p, boolean unknown) {}
            });

    PodImageBuild.Result result =
        images.run(
            "stx-builder",
            PodImageBuild.Builder.KANIKO,
            "https://pulp/contexts/builder.tar.gz",
            "Dockerfile",
            "registry.example/stx/builder:3",
            "registry.example/stx/cache",
            RegistryLogin.usernamePassword("registry.example", "robot", "s3cr3t"),
            Map.of("testenv.starlingx.org/duration", "1s"),
            Duration.ofMinutes(1),
            new AbortSignal());

    assertThat(result.succeeded()).as(result.detail()).isTrue();
    assertThat(seenSecrets)
        .singleElement()
        .satisfies(json -> assertThat(json).contains("registry.example", "auth"));
    assertThat(seenPods)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getSpec().getContainers().get(0).getArgs())
                  .contains("--destination=registry.example/stx/builder:3");
              assertThat(String.join(" ", p.getSpec().getContainers().get(0).getArgs()))
                  .doesNotContain("s3cr3t");
            });
    assertThat(client.secrets().list().getItems())
        .noneMatch(s -> "kubernetes.io/dockerconfigjson".equals(s.getType()));
    assertThat(client.pods().list().getItems()).isEmpty();
  }

  @Test
  void theSameBuildAfterARestartFollowsItsRunningPodInsteadOfStartingAnother(
      KubernetesClient client, TestNamespace namespace) throws Exception {
    PodImageBuild images = images(client, namespace);
    List<Pod> created = new CopyOnWriteArrayList<>();
    client
        .pods()
        .inform(
            new io.fabric8.kubernetes.client.informers.ResourceEventHandler<Pod>() {
              public void onAdd(Pod p) {
                created.add(p);
              }

              public void onUpdate(Pod a, Pod b) {}

              public void onDelete(Pod p, boolean unknown) {}
            });
    // What the first execution left when the controller died: its pod, still building (6 s).
    ScopeNames names =
        new ScopeNames(
            new BuildScope("alice", "stx", "master", "3"),
            new NamingPolicy(NamespaceStrategy.SHARED, namespace.name(), "stx-"));
    Pod left =
        new BuildPodFactory(names, Map.of())
            .imageBuild(
                "stx-resumed",
                new org.starlingx.stxbuild.engine.pods.ImageBuild(
                    "https://pulp/contexts/builder.tar.gz",
                    "Dockerfile",
                    "registry.example/stx/resumed:1",
                    null,
                    null,
                    Map.of()));
    left.getMetadata().getAnnotations().put("testenv.starlingx.org/duration", "6s");
    client.resource(left).create();

    PodImageBuild.Result resumed =
        images.run(
            "stx-resumed",
            PodImageBuild.Builder.KANIKO,
            "https://pulp/contexts/builder.tar.gz",
            "Dockerfile",
            "registry.example/stx/resumed:1",
            null,
            null,
            Map.of("testenv.starlingx.org/duration", "6s"),
            Duration.ofMinutes(1),
            new AbortSignal());

    assertThat(resumed.succeeded()).as(resumed.detail()).isTrue();
    assertThat(created).as("one pod for the step, followed after the restart").hasSize(1);
    assertThat(client.pods().list().getItems()).isEmpty();
  }

  @Test
  void aSysboxBuildRunsOnTheSysboxNodeAndAFailureIsReported(
      KubernetesClient client, TestNamespace namespace) throws Exception {
    PodImageBuild images = images(client, namespace);
    List<String> nodes = new CopyOnWriteArrayList<>();
    client
        .pods()
        .inform(
            new io.fabric8.kubernetes.client.informers.ResourceEventHandler<Pod>() {
              public void onAdd(Pod p) {}

              public void onUpdate(Pod a, Pod b) {
                if (b.getSpec().getNodeName() != null) {
                  nodes.add(b.getSpec().getNodeName());
                }
              }

              public void onDelete(Pod p, boolean unknown) {}
            });
    PodImageBuild.Result result =
        images.run(
            "docker-images",
            PodImageBuild.Builder.SYSBOX,
            ".",
            "Dockerfile",
            "registry.example/stx/app:3",
            null,
            null,
            Map.of("testenv.starlingx.org/outcome", "fail", "testenv.starlingx.org/exit-code", "4"),
            Duration.ofMinutes(1),
            new AbortSignal());
    assertThat(result.succeeded()).isFalse();
    assertThat(result.detail()).contains("exit 4");
    assertThat(nodes)
        .isNotEmpty()
        .allSatisfy(
            n ->
                assertThat(client.nodes().withName(n).get().getMetadata().getLabels())
                    .containsEntry("sysbox-runtime", "running"));
  }
}
