package org.starlingx.stxbuild.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.starlingx.stxbuild.engine.tenancy.Tenant;
import org.starlingx.stxbuild.engine.tenancy.TenantSettings;
import org.starlingx.stxbuild.testenv.kube.KubeCluster;
import org.starlingx.stxbuild.testenv.kube.TestNamespace;

/**
 * The chart's tenant objects (provisioner and build accounts, ClusterRoles, the admission policy,
 * the tenants ConfigMap) rendered as a release of its own and created for real in a test's
 * namespace; closing removes the cluster-wide objects and every tenant namespace of its prefix.
 */
final class TenantChart implements AutoCloseable {
  private static final Set<String> KINDS =
      Set.of(
          "ServiceAccount",
          "ClusterRole",
          "ClusterRoleBinding",
          "Role",
          "RoleBinding",
          "ValidatingAdmissionPolicy",
          "ValidatingAdmissionPolicyBinding",
          "ConfigMap");

  final String release;
  final String prefix;
  final TenantSettings settings;
  private final KubernetesClient admin;
  private final KubeCluster cluster;
  private final TestNamespace namespace;
  private final List<HasMetadata> created = new ArrayList<>();

  private TenantChart(
      KubernetesClient admin,
      KubeCluster cluster,
      TestNamespace namespace,
      String release,
      String prefix,
      List<HasMetadata> objects) {
    this.admin = admin;
    this.cluster = cluster;
    this.namespace = namespace;
    this.release = release;
    this.prefix = prefix;
    ConfigMap tenants =
        objects.stream()
            .filter(ConfigMap.class::isInstance)
            .map(ConfigMap.class::cast)
            .filter(c -> c.getMetadata().getName().endsWith("-tenants"))
            .findFirst()
            .orElseThrow();
    this.settings = TenantSettings.parse(tenants.getData().get("tenants.yaml"), "tenants.yaml");
  }

  /** Renders with {@code values} (plus a prefix of its own) and creates the tenant objects. */
  static TenantChart install(
      KubernetesClient admin, KubeCluster cluster, TestNamespace namespace, List<String> values)
      throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 6);
    String release = "t" + id;
    String prefix = "it" + id + "-";
    List<String> all = new ArrayList<>(values);
    all.add("tenants.namespacePrefix=" + prefix);
    List<HasMetadata> objects = HelmTemplate.render(release, namespace.name(), all);
    TenantChart chart = new TenantChart(admin, cluster, namespace, release, prefix, objects);
    for (HasMetadata object : objects) {
      String in = object.getMetadata().getNamespace();
      // The release's own and cluster-wide objects; the chart's buildNamespaces are not needed.
      if (KINDS.contains(object.getKind()) && (in == null || in.equals(namespace.name()))) {
        chart.created.add(admin.resource(object).create());
      }
    }
    chart.awaitPolicyInForce();
    return chart;
  }

  /** A client acting as the chart's tenant provisioner. */
  KubernetesClient provisioner() {
    return cluster.serviceAccountClient(namespace.name(), "stx-build-provisioner");
  }

  /** A client acting as the chart's build service account. */
  KubernetesClient builds() {
    return cluster.serviceAccountClient(namespace.name(), "stx-build");
  }

  /** A tenant of this chart whose name no other test uses. */
  Tenant newTenant(String name) {
    return settings.tenant(name + "-" + UUID.randomUUID().toString().substring(0, 6));
  }

  /**
   * An admission policy takes a moment to be in force after it is created: wait until it refuses
   * the provisioner a namespace without the tenant label (a dry run: nothing is created).
   */
  private void awaitPolicyInForce() {
    try (KubernetesClient provisioner = provisioner()) {
      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () -> {
                try {
                  provisioner
                      .namespaces()
                      .resource(
                          new NamespaceBuilder()
                              .withNewMetadata()
                              .withName(prefix + "probe")
                              .endMetadata()
                              .build())
                      .dryRun()
                      .create();
                  throw new AssertionError("the admission policy is not in force yet");
                } catch (KubernetesClientException e) {
                  assertThat(e.getCode()).isEqualTo(403);
                  assertThat(e.getMessage()).contains("tenant provisioner may only");
                }
              });
    }
  }

  @Override
  public void close() {
    for (var ns : admin.namespaces().withLabel(Tenant.TENANT_LABEL).list().getItems()) {
      if (ns.getMetadata().getName().startsWith(prefix)) {
        admin.namespaces().withName(ns.getMetadata().getName()).delete();
      }
    }
    for (HasMetadata object : created) {
      if (object.getMetadata().getNamespace() == null) {
        admin.resource(object).delete();
      }
    }
  }
}
