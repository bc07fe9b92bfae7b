package org.starlingx.stxbuild.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.pods.BuildPodFactory;
import org.starlingx.stxbuild.engine.repo.AptSource;
import org.starlingx.stxbuild.engine.repo.SessionNames;
import org.starlingx.stxbuild.engine.schedule.AbortSignal;
import org.starlingx.stxbuild.engine.schedule.BuildScheduler;
import org.starlingx.stxbuild.engine.schedule.BuildTask;
import org.starlingx.stxbuild.engine.schedule.DurationEstimates;
import org.starlingx.stxbuild.engine.schedule.ScheduleReport;
import org.starlingx.stxbuild.engine.schedule.SchedulerOptions;
import org.starlingx.stxbuild.engine.schedule.TaskResult;
import org.starlingx.stxbuild.engine.scope.BuildScope;
import org.starlingx.stxbuild.engine.scope.ScopeNames;
import org.starlingx.stxbuild.engine.tenancy.FairShareGate;
import org.starlingx.stxbuild.engine.tenancy.QuotaWaitingPodCreator;
import org.starlingx.stxbuild.engine.tenancy.Tenant;
import org.starlingx.stxbuild.engine.tenancy.TenantCatalog;
import org.starlingx.stxbuild.engine.tenancy.TenantException;
import org.starlingx.stxbuild.engine.tenancy.TenantOnDemand;
import org.starlingx.stxbuild.engine.tenancy.TenantPackageWorker;
import org.starlingx.stxbuild.engine.tenancy.TenantProvisioner;
import org.starlingx.stxbuild.engine.tenancy.TenantStatus;
import org.starlingx.stxbuild.engine.workers.KubernetesPodWorker;
import org.starlingx.stxbuild.engine.workers.PackageBuildRequest;
import org.starlingx.stxbuild.engine.workers.PodCreator;
import org.starlingx.stxbuild.engine.workers.PodRepositoryAccess;
import org.starlingx.stxbuild.testenv.kube.KubeCluster;
import org.starlingx.stxbuild.testenv.kube.KubeClusterExtension;
import org.starlingx.stxbuild.testenv.kube.TestNamespace;

/**
 * Tenants on the real API server, with the chart's own RBAC and admission policy: the provisioner
 * creates a new user's tenant on its first build and the build's pods run there (on KWOK nodes); it
 * is refused (403) everywhere outside tenant namespaces; a full quota is waited out; removing a
 * tenant leaves the others.
 */
@ExtendWith(KubeClusterExtension.class)
class TenantsIT {
  @TempDir Path logs;

  @Test
  void aNewUsersFirstBuildProvisionsItsTenantAndItsPodsRunThere(
      KubernetesClient admin, KubeCluster cluster, TestNamespace release) throws Exception {
    try (TenantChart chart = TenantChart.install(admin, cluster, release, List.of());
        KubernetesClient provisioner = chart.provisioner();
        KubernetesClient builds = chart.builds()) {
      Tenant tenant = chart.newTenant("alice");
      String namespace = tenant.namespace(chart.settings.policy());
      assertThat(admin.namespaces().withName(namespace).get()).as("no tenant yet").isNull();
      assertThatThrownBy(() -> builds.namespaces().resource(namespace(namespace, tenant)).create())
          .as("the build service account cannot create namespaces")
          .isInstanceOfSatisfying(
              KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));

      ScheduleReport report =
          build(chart, tenant, provisioner, builds, null, List.of("lib", "app", "doc"), 2);

      assertThat(report.results()).allMatch(r -> r.state() == TaskResult.State.BUILT);
      Namespace created = admin.namespaces().withName(namespace).get();
      assertThat(created.getMetadata().getLabels())
          .containsEntry(Tenant.TENANT_LABEL, tenant.id())
          .containsEntry("app.kubernetes.io/managed-by", "starlingx-build");
      assertThat(created.getMetadata().getAnnotations())
          .containsEntry("build.starlingx.io/user", tenant.name());
      assertThat(admin.serviceAccounts().inNamespace(namespace).withName("stx-build-pods").get())
          .isNotNull();
      assertThat(admin.limitRanges().inNamespace(namespace).withName("stx-build-limits").get())
          .isNotNull();
      TenantStatus status =
          new TenantCatalog(provisioner).show(tenant, chart.settings).orElseThrow();
      assertThat(status.hard()).containsEntry("pods", "40").containsEntry("requests.cpu", "32");
      assertThat(status.used()).containsKey("pods");
    }
  }

  @Test
  void theProvisionerIsRefusedEverywhereOutsideTenantNamespaces(
      KubernetesClient admin, KubeCluster cluster, TestNamespace release) throws Exception {
    try (TenantChart chart = TenantChart.install(admin, cluster, release, List.of());
        KubernetesClient provisioner = chart.provisioner()) {
      String unlabelled = release.name();
      List<ThrowingCallable> attempts =
          List.of(
              () ->
                  provisioner
                      .namespaces()
                      .resource(
                          new NamespaceBuilder()
                              .withNewMetadata()
                              .withName(chart.prefix + "plain")
                              .endMetadata()
                              .build())
                      .create(),
              () ->
                  provisioner
                      .namespaces()
                      .resource(
                          namespace(
                              "elsewhere-" + chart.prefix.replace("-", ""),
                              chart.newTenant("mallory")))
                      .create(),
              () ->
                  provisioner
                      .serviceAccounts()
                      .inNamespace(unlabelled)
                      .resource(
                          new ServiceAccountBuilder()
                              .withNewMetadata()
                              .withName("intruder")
                              .endMetadata()
                              .build())
                      .create(),
              () ->
                  provisioner
                      .resourceQuotas()
                      .inNamespace("default")
                      .resource(
                          new ResourceQuotaBuilder()
                              .withNewMetadata()
                              .withName("intruder")
                              .endMetadata()
                              .withNewSpec()
                              .addToHard(
                                  "pods", new io.fabric8.kubernetes.api.model.Quantity("100000"))
                              .endSpec()
                              .build())
                      .create(),
              () ->
                  provisioner
                      .namespaces()
                      .withName(unlabelled)
                      .edit(
                          n ->
                              new NamespaceBuilder(n)
                                  .editMetadata()
                                  .addToLabels(Tenant.TENANT_LABEL, "stolen")
                                  .endMetadata()
                                  .build()),
              () -> provisioner.namespaces().withName(unlabelled).delete(),
              () -> provisioner.namespaces().withName("kube-system").delete());
      for (ThrowingCallable attempt : attempts) {
        assertThatThrownBy(attempt)
            .isInstanceOfSatisfying(
                KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
      }
      assertThat(admin.namespaces().withName(unlabelled).get().getMetadata().getLabels())
          .doesNotContainKey(Tenant.TENANT_LABEL);
      assertThat(admin.serviceAccounts().inNamespace(unlabelled).withName("intruder").get())
          .isNull();

      // The provisioner through the engine: a same-named namespace that is not the tenant's is
      // refused in words and left as it is.
      Tenant squatted = chart.newTenant("bob");
      String name = squatted.namespace(chart.settings.policy());
      admin
          .namespaces()
          .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
          .create();
      TenantProvisioner engine = new TenantProvisioner(provisioner, chart.settings);
      assertThatThrownBy(() -> engine.provision(squatted))
          .isInstanceOf(TenantException.class)
          .hasMessageContaining("exists but is not the namespace of user " + squatted.name());
      assertThatThrownBy(() -> engine.remove(squatted)).isInstanceOf(TenantException.class);
      assertThat(admin.namespaces().withName(name).get().getMetadata().getDeletionTimestamp())
          .isNull();
      admin.namespaces().withName(name).delete();
    }
  }

  @Test
  void aFullQuotaIsWaitedOutAndAPodThatCanNeverFitIsReportedAtOnce(
      KubernetesClient admin, KubeCluster cluster, TestNamespace release) throws Exception {
    String user = "quota-" + release.name().substring(release.name().length() - 8);
    String tight = "tight-" + release.name().substring(release.name().length() - 8);
    try (TenantChart chart =
            TenantChart.install(
                admin,
                cluster,
                release,
                List.of(
                    "tenants.overrides.users." + user + ".quota.pods=1",
                    "tenants.overrides.users." + tight + ".quota.requests\\.cpu=1"));
        KubernetesClient provisioner = chart.provisioner();
        KubernetesClient builds = chart.builds()) {
      List<String> progress = Collections.synchronizedList(new ArrayList<>());
      PodCreator waiting =
          new QuotaWaitingPodCreator(
              builds,
              Duration.ofMinutes(2),
              Duration.ofMillis(500),
              Duration.ofSeconds(5),
              progress::add);
      Tenant one = chart.settings.tenant(user);
      ScheduleReport report =
          build(chart, one, provisioner, builds, waiting, List.of("first", "second", "third"), 3);
      assertThat(report.results())
          .as("three packages, room for one pod at a time: all built, none failed")
          .allMatch(r -> r.state() == TaskResult.State.BUILT);
      assertThat(progress)
          .anyMatch(
              line ->
                  line.startsWith(
                          "waiting for room in the quota stx-build-quota of namespace "
                              + one.namespace(chart.settings.policy()))
                      && line.contains("pods 1 requested, 1 of 1 used"));

      long started = System.nanoTime();
      ScheduleReport refused =
          build(
              chart, chart.settings.tenant(tight), provisioner, builds, waiting, List.of("big"), 1);
      TaskResult big = refused.byId().get("big");
      assertThat(big.state()).isEqualTo(TaskResult.State.FAILED);
      assertThat(big.reason())
          .contains("can never fit the quota stx-build-quota")
          .contains("requests.cpu requested 2, quota hard limit 1");
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .as("reported at once, not after the wait bound")
          .isLessThan(Duration.ofMinutes(1));
    }
  }

  @Test
  void removingATenantLeavesTheOthers(
      KubernetesClient admin, KubeCluster cluster, TestNamespace release) throws Exception {
    try (TenantChart chart = TenantChart.install(admin, cluster, release, List.of());
        KubernetesClient provisioner = chart.provisioner()) {
      TenantProvisioner tenants = new TenantProvisioner(provisioner, chart.settings);
      Tenant carol = chart.newTenant("carol");
      Tenant dave = chart.newTenant("dave");
      tenants.provision(carol);
      tenants.provision(dave);
      tenants.provision(dave); // again: idempotent

      assertThat(tenants.remove(carol)).isTrue();

      assertThat(admin.namespaces().withName(carol.namespace(chart.settings.policy())).get())
          .satisfiesAnyOf(
              n -> assertThat(n).isNull(),
              n -> assertThat(n.getMetadata().getDeletionTimestamp()).isNotNull());
      String daves = dave.namespace(chart.settings.policy());
      assertThat(admin.namespaces().withName(daves).get().getMetadata().getDeletionTimestamp())
          .isNull();
      assertThat(admin.resourceQuotas().inNamespace(daves).withName("stx-build-quota").get())
          .isNotNull();
      assertThat(admin.namespaces().withName(release.name()).get()).isNotNull();
      List<TenantStatus> listed =
          new TenantCatalog(provisioner)
              .list().stream()
                  .filter(s -> s.namespace().startsWith(chart.prefix) && !s.terminating())
                  .toList();
      assertThat(listed).extracting(TenantStatus::tenant).containsExactly(dave);
    }
  }

  /** Builds {@code packages} (no dependencies) as {@code tenant} with pods on KWOK nodes. */
  private ScheduleReport build(
      TenantChart chart,
      Tenant tenant,
      KubernetesClient provisioner,
      KubernetesClient builds,
      PodCreator creator,
      List<String> packages,
      int workers)
      throws InterruptedException {
    ScopeNames names =
        new ScopeNames(
            new BuildScope(tenant.name(), "starlingx", "master", "1"), chart.settings.policy());
    KubernetesPodWorker pods =
        new KubernetesPodWorker(
            builds,
            new BuildPodFactory(names, Map.of()),
            new PodRepositoryAccess(
                new SessionNames("line", "line-1", Map.of()),
                "http://pulp:24817",
                "http://pulp:24816",
                "admin",
                "pulp-password"),
            r -> "http://pulp/sources/" + r.name() + ".dsc",
            "metadata:\n  annotations:\n    testenv.starlingx.org/duration: 2s\n",
            Duration.ofMinutes(2),
            creator);
    TenantPackageWorker worker =
        new TenantPackageWorker(
            pods,
            new TenantOnDemand(new TenantProvisioner(provisioner, chart.settings)),
            tenant,
            FairShareGate.NONE);
    return new BuildScheduler(SchedulerOptions.workers(workers), new DurationEstimates(1000))
        .run(
            packages.stream().map(p -> new BuildTask(p, Set.of())).toList(),
            (id, attempt, workerName, abort) ->
                worker.build(request(id), workerName, abort).outcome(),
            new AbortSignal(),
            r -> {});
  }

  private PackageBuildRequest request(String name) {
    return new PackageBuildRequest(
        name,
        Path.of(name + ".dsc"),
        List.of(),
        AptSource.trusted(java.net.URI.create("http://pulp/stx/sessions/s1/"), "default", "all"),
        logs.resolve(name + ".log"));
  }

  private static Namespace namespace(String name, Tenant tenant) {
    return new NamespaceBuilder()
        .withNewMetadata()
        .withName(name)
        .withLabels(tenant.labels())
        .endMetadata()
        .build();
  }
}
