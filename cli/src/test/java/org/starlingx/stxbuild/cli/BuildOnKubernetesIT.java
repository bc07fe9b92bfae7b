package org.starlingx.stxbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.demo.DemoJob;
import org.starlingx.stxbuild.engine.demo.StaticUpstream;
import org.starlingx.stxbuild.engine.pods.RoleSettings;
import org.starlingx.stxbuild.engine.repo.pulp.PulpClient;
import org.starlingx.stxbuild.engine.scope.ScopeNames;
import org.starlingx.stxbuild.testenv.kube.KubeCluster;
import org.starlingx.stxbuild.testenv.kube.KubeClusterExtension;
import org.starlingx.stxbuild.testenv.kube.KwokContainerPlayer;
import org.starlingx.stxbuild.testenv.kube.TestNamespace;
import org.starlingx.stxbuild.testenv.pulp.PulpEndpoint;
import org.starlingx.stxbuild.testenv.pulp.PulpServerExtension;

/**
 * {@code stx-build build --on kubernetes} over the sample tree, as a user runs it: one transient
 * pkgbuilder pod per package, created by the real API server's scheduler on the KWOK nodes, sources
 * and build-deps through the real Pulp. KWOK runs no containers, so the test plays each container
 * by running the pod's own command with the pod's environment here ({@link KwokContainerPlayer}).
 */
@ExtendWith({KubeClusterExtension.class, PulpServerExtension.class})
class BuildOnKubernetesIT {
  static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
  @TempDir Path work;

  @Test
  void packagesBuildInPodsSpreadOverTheNodesAndNoPodIsLeft(
      KubernetesClient client, TestNamespace namespace, KubeCluster cluster, PulpEndpoint endpoint)
      throws Exception {
    client
        .serviceAccounts()
        .resource(
            new ServiceAccountBuilder()
                .withNewMetadata()
                .withName(RoleSettings.BUILD_POD_SERVICE_ACCOUNT)
                .endMetadata()
                .build())
        .create();
    Path password = Files.writeString(work.resolve("pulp-password"), endpoint.password());
    Path podYaml =
        Files.writeString(
            work.resolve("pod.yaml"),
            "metadata: {annotations: {testenv.starlingx.org/outcome: run}}\n");
    PulpClient pulp = TestPulpClients.connect(endpoint);
    String project = "kube" + Long.toHexString(System.nanoTime()).substring(8);

    CliRun run;
    try (StaticUpstream upstream =
            new StaticUpstream(REPOSITORY.resolve("samples/stx-sample-upstream"));
        KwokContainerPlayer player =
            new KwokContainerPlayer(client, 3, pod -> PlayedPkgbuilder.run(pod, pulp, work))) {
      run =
          CliRun.of(
              "build",
              "--on",
              "kubernetes",
              "--max-pods",
              "3",
              "--kubeconfig",
              cluster.kubeconfig().toString(),
              "--namespace",
              namespace.name(),
              "--pod-yaml",
              podYaml.toString(),
              "--tree",
              REPOSITORY.resolve("samples/stx-sample-tree").toString(),
              "--pulp-url",
              endpoint.apiUrl().toString(),
              "--pulp-content-url",
              endpoint.contentUrl().toString(),
              "--pulp-password-file",
              password.toString(),
              "--mirror-rewrite",
              DemoJob.SAMPLE_UPSTREAM + "=" + upstream.baseUrl(),
              "--user",
              "kube-it",
              "--project",
              project,
              "--build-id",
              "1",
              // Every package is built in a pod: the shared Pulp holds good builds of the sample
              // from other tests, which reuse across lines would take instead.
              "--reuse-scope",
              "line",
              "--work",
              work.resolve("work").toString());
      assertThat(run.exit()).as(run.out() + run.err()).isZero();
      assertThat(player.exits().values()).as(run.out()).hasSize(9).containsOnly(0);
      // The scheduler spread the build's pods: more than one node ran packages.
      assertThat(player.nodes().values().stream().distinct().count()).isGreaterThan(1);
    }
    // Each package's line names its pod's node and start latency.
    assertThat(run.out()).containsPattern("pod \\S+ on node stx-node-\\d, running after");
    assertThat(client.pods().list().getItems()).isEmpty();
    assertThat(client.secrets().withLabel(ScopeNames.SCOPE_LABEL).list().getItems()).isEmpty();
  }
}
