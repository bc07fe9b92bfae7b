package org.starlingx.stxbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.repo.pulp.PulpClient;
import org.starlingx.stxbuild.engine.tenancy.Tenant;
import org.starlingx.stxbuild.engine.tenancy.TenantProvisioner;
import org.starlingx.stxbuild.testenv.kube.KubeCluster;
import org.starlingx.stxbuild.testenv.kube.KubeClusterExtension;
import org.starlingx.stxbuild.testenv.kube.KwokContainerPlayer;
import org.starlingx.stxbuild.testenv.kube.TestNamespace;
import org.starlingx.stxbuild.testenv.pulp.PulpEndpoint;
import org.starlingx.stxbuild.testenv.pulp.PulpServerExtension;

/**
 * {@code stx-build build --on kubernetes --tenants tenants.yaml} for a user the cluster has never
 * seen: the build provisions the user's tenant (namespace, pod account, quota, limits) before its
 * first pod, its package pods run in that namespace admitted by the fair share, and the build
 * succeeds. The rights of the provisioner itself are proven by the chart's TenantsIT; here it is
 * the cluster's admin.
 */
@ExtendWith({KubeClusterExtension.class, PulpServerExtension.class})
class BuildAsTenantIT {
  @TempDir Path work;

  @Test
  void aNewUsersFirstBuildProvisionsItsTenantAndBuildsThere(
      KubernetesClient client,
      TestNamespace coordination,
      KubeCluster cluster,
      PulpEndpoint endpoint)
      throws Exception {
    String id = Long.toHexString(System.nanoTime()).substring(6);
    String prefix = "t" + id + "-";
    String user = "newcomer";
    Path settings =
        Files.writeString(
            work.resolve("tenants.yaml"),
            """
            strategy: per-user
            namespacePrefix: %s
            buildServiceAccount: {name: stx-build, namespace: default}
            buildClusterRole: stx-build-it-unused
            defaults:
              quota: {pods: "4"}
            fairShare: {capacity: 2, namespace: %s}
            """
                .formatted(prefix, coordination.name()));
    Path repo = Files.createDirectories(work.resolve("tree/repo"));
    Files.writeString(repo.resolve("debian_pkg_dirs"), "stx-tenant-it\n");
    // Unique per run: an identical package would be reused from an earlier run's good build.
    NativeTestPackage.write(repo, "stx-tenant-it", "echo tenant-it-" + id, "");
    Path password = Files.writeString(work.resolve("pulp-password"), endpoint.password());
    Path podYaml =
        Files.writeString(
            work.resolve("pod.yaml"),
            "metadata: {annotations: {testenv.starlingx.org/outcome: run}}\n");
    PulpClient pulp = TestPulpClients.connect(endpoint);
    String namespace =
        new Tenant(Tenant.Kind.USER, user)
            .namespace(
                org.starlingx.stxbuild.engine.tenancy.TenantSettings.parse(
                        Files.readString(settings), "tenants.yaml")
                    .policy());
    assertThat(client.namespaces().withName(namespace).get()).isNull();
    // The player watches the tenant's namespace only: a pod it plays ran there.
    try (KubernetesClient inTenant =
            new KubernetesClientBuilder()
                .withConfig(
                    new ConfigBuilder(client.getConfiguration()).withNamespace(namespace).build())
                .build();
        KwokContainerPlayer player =
            new KwokContainerPlayer(inTenant, 2, pod -> PlayedPkgbuilder.run(pod, pulp, work))) {
      CliRun run =
          CliRun.of(
              "build",
              "--on",
              "kubernetes",
              "--kubeconfig",
              cluster.kubeconfig().toString(),
              "--tenants",
              settings.toString(),
              "--pod-yaml",
              podYaml.toString(),
              "--tree",
              work.resolve("tree").toString(),
              "--mirror",
              work.resolve("mirror").toString(),
              "--pulp-url",
              endpoint.apiUrl().toString(),
              "--pulp-content-url",
              endpoint.contentUrl().toString(),
              "--pulp-password-file",
              password.toString(),
              "--user",
              user,
              "--project",
              "p" + id,
              "--work",
              work.resolve("work").toString());
      assertThat(run.exit()).as(run.out() + run.err()).isZero();
      assertThat(run.out())
          .contains("tenant user " + user + ": namespace " + namespace + " provisioned")
          .contains("packages build in pods in namespace " + namespace)
          .contains("1 built");
      assertThat(player.exits()).hasSize(1).containsValue(0);
      Namespace created = client.namespaces().withName(namespace).get();
      assertThat(created.getMetadata().getLabels())
          .containsEntry(Tenant.TENANT_LABEL, new Tenant(Tenant.Kind.USER, user).id());
      assertThat(
              client
                  .resourceQuotas()
                  .inNamespace(namespace)
                  .withName(TenantProvisioner.QUOTA)
                  .get()
                  .getSpec()
                  .getHard())
          .containsKey("pods");
    } finally {
      client.namespaces().withName(namespace).delete();
    }
  }
}
