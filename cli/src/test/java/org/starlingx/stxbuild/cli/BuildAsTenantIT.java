package org.starlingx.stxbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.tenancy.Tenant;
import org.starlingx.stxbuild.engine.tenancy.TenantProvisioner;
import org.starlingx.stxbuild.testenv.kube.KubeCluster;
import org.starlingx.stxbuild.testenv.kube.KubeClusterExtension;
import org.starlingx.stxbuild.testenv.kube.RealNode;
import org.starlingx.stxbuild.testenv.kube.TestNamespace;
import org.starlingx.stxbuild.testenv.pulp.PulpEndpoint;
import org.starlingx.stxbuild.testenv.pulp.PulpServerExtension;

/**
 * {@code stx-build build --on kubernetes --tenants tenants.yaml} for a user the cluster has never
 * seen: the build provisions the user's tenant (namespace, pod account, quota, limits) before its
 * first pod, its package pod runs in that namespace admitted by the fair share, under the tenant's
 * quota and within the tenant's LimitRange, and the build succeeds. The pod runs for real on the
 * testenv's real node (the project's pkgbuilder image by digest, {@code stx-build pkgbuild}
 * building in its chroot): the tenant's terms are sized to fit that node. The rights of the
 * provisioner itself are proven by the chart's TenantsIT; here it is the cluster's admin.
 */
@ExtendWith({KubeClusterExtension.class, PulpServerExtension.class})
class BuildAsTenantIT {
  @TempDir Path work;

  @Test
  void aNewUsersFirstBuildProvisionsItsTenantAndBuildsThere(
      KubernetesClient client,
      TestNamespace coordination,
      KubeCluster cluster,
      PulpEndpoint endpoint,
      RealNode node)
      throws Exception {
    String image = PkgbuilderImage.ensure(node, "bullseye");
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
              quota: {pods: "4", requests.cpu: "1", requests.memory: 2Gi, limits.memory: 8Gi}
              limitDefault: {cpu: "2", memory: 3Gi}
              limitDefaultRequest: {cpu: 100m, memory: 256Mi}
              limitMax: {cpu: "2", memory: 4Gi}
            fairShare: {capacity: 2, namespace: %s}
            """
                .formatted(prefix, coordination.name()));
    Path repo = Files.createDirectories(work.resolve("tree/repo"));
    Files.writeString(repo.resolve("debian_pkg_dirs"), "stx-tenant-it\n");
    // Unique per run: an identical package would be reused from an earlier run's good build.
    NativeTestPackage.write(repo, "stx-tenant-it", "echo tenant-it-" + id, "");
    Path password = Files.writeString(work.resolve("pulp-password"), endpoint.password());
    // The pod's resources (requests 100m/256Mi, limits 2 CPUs/3Gi) fit the real node, the
    // tenant's LimitRange maximum and its quota: admission checks all three.
    Path podYaml = Files.writeString(work.resolve("pod.yaml"), RealNodePodYaml.pinned(node));
    String namespace =
        new Tenant(Tenant.Kind.USER, user)
            .namespace(
                org.starlingx.stxbuild.engine.tenancy.TenantSettings.parse(
                        Files.readString(settings), "tenants.yaml")
                    .policy());
    assertThat(client.namespaces().withName(namespace).get()).isNull();
    try {
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
              "--pkgbuilder-image",
              image,
              "--pod-pulp-url",
              node.pulpApiUrl(),
              "--pod-pulp-content-url",
              node.pulpContentUrl(),
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
      System.out.println(run.out());
      assertThat(run.exit()).as(run.out() + run.err()).isZero();
      assertThat(run.out())
          .contains("tenant user " + user + ": namespace " + namespace + " provisioned")
          .contains("packages build in pods in namespace " + namespace)
          .contains("1 built")
          // The package's pod ran in a real container, not on a KWOK node.
          .contains("on node " + node.name())
          .doesNotContainPattern("on node stx-node-\\d");
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
          .containsKey("pods")
          .containsKey("requests.cpu");
      assertThat(
              client.limitRanges().inNamespace(namespace).withName(TenantProvisioner.LIMITS).get())
          .isNotNull();
    } finally {
      client.namespaces().withName(namespace).delete();
    }
  }
}
