package org.starlingx.stxbuild.engine.workers;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.pods.BuildPodFactory;
import org.starlingx.stxbuild.engine.pods.RoleSettings;
import org.starlingx.stxbuild.engine.repo.AptSource;
import org.starlingx.stxbuild.engine.schedule.AbortSignal;
import org.starlingx.stxbuild.engine.schedule.BuildScheduler;
import org.starlingx.stxbuild.engine.schedule.BuildTask;
import org.starlingx.stxbuild.engine.schedule.DurationEstimates;
import org.starlingx.stxbuild.engine.schedule.ScheduleReport;
import org.starlingx.stxbuild.engine.schedule.SchedulerOptions;
import org.starlingx.stxbuild.engine.schedule.TaskOutcome;
import org.starlingx.stxbuild.engine.schedule.TaskResult;
import org.starlingx.stxbuild.engine.scope.BuildScope;
import org.starlingx.stxbuild.engine.scope.NamespaceStrategy;
import org.starlingx.stxbuild.engine.scope.NamingPolicy;
import org.starlingx.stxbuild.engine.scope.ScopeNames;
import org.starlingx.stxbuild.testenv.kube.KubeClusterExtension;
import org.starlingx.stxbuild.testenv.kube.TestNamespace;

/**
 * Package builds in pkgbuilder pods on the real API server, scheduled onto KWOK nodes; the test
 * chooses each pod's fate (succeed, exit code, OOM kill, eviction) with the testenv annotations.
 *
 * <p>Why KWOK and not the real node: an eviction, or an exit code at a chosen moment, cannot be
 * caused on a real kubelet without starving the shared machine; the worker's handling of each fate
 * is what is tested here. The real kernel's OOM kill, a real image pull failure and a real abort
 * are in {@code RealNodePodWorkerIT}.
 */
@ExtendWith(KubeClusterExtension.class)
class KubernetesPodWorkerIT {
  @TempDir Path logs;
  private KubernetesClient client;
  private BuildPodFactory pods;

  @BeforeEach
  void setUp(KubernetesClient client, TestNamespace namespace) {
    this.client = client;
    client
        .serviceAccounts()
        .resource(
            new ServiceAccountBuilder()
                .withNewMetadata()
                .withName(RoleSettings.BUILD_POD_SERVICE_ACCOUNT)
                .endMetadata()
                .build())
        .create();
    pods =
        new BuildPodFactory(
            new ScopeNames(
                new BuildScope("alice", "stx", "master", "5"),
                new NamingPolicy(NamespaceStrategy.SHARED, namespace.name(), "stx-")),
            Map.of());
  }

  private KubernetesPodWorker worker(String outcome, String extra) {
    String yaml =
        "metadata:\n  annotations:\n    testenv.starlingx.org/outcome: "
            + outcome
            + "\n    testenv.starlingx.org/duration: 1s\n"
            + extra;
    return new KubernetesPodWorker(
        client,
        pods,
        new PodRepositoryAccess(
            new org.starlingx.stxbuild.engine.repo.SessionNames("line", "line-5", Map.of()),
            "http://pulp:24817",
            "http://pulp:24816",
            "admin",
            "pulp-password"),
        r -> "http://pulp/sources/" + r.name() + ".dsc",
        yaml,
        Duration.ofMinutes(2));
  }

  private PackageBuildRequest request(String name) {
    return new PackageBuildRequest(
        name,
        Path.of(name + ".dsc"),
        List.of(),
        AptSource.trusted(java.net.URI.create("http://pulp/stx/sessions/s1/"), "default", "all"),
        logs.resolve(name + ".log"));
  }

  @Test
  void podOutcomesBecomeBuildOutcomes() throws Exception {
    PackageWorker.Result ok = worker("succeed", "").build(request("ok"), "w1", new AbortSignal());
    assertThat(ok.outcome()).isInstanceOf(TaskOutcome.Built.class);
    // where it ran, for the report: the pod (and the node the scheduler put it on)
    assertThat(ok.where()).startsWith("pod ").contains("pkg-ok").contains(" on node stx-node-");
    assertThat(
            worker("fail", "    testenv.starlingx.org/exit-code: \"2\"\n")
                .build(request("broken"), "w1", new AbortSignal())
                .outcome())
        .isInstanceOfSatisfying(
            TaskOutcome.Failed.class, f -> assertThat(f.reason()).endsWith("exited 2"));
    assertThat(worker("oomkill", "").build(request("big"), "w1", new AbortSignal()).outcome())
        .isInstanceOfSatisfying(
            TaskOutcome.InfrastructureFailure.class,
            f -> assertThat(f.kind()).isEqualTo(TaskOutcome.Kind.OOM_KILLED));
    assertThat(worker("evict", "").build(request("evicted"), "w1", new AbortSignal()).outcome())
        .isInstanceOfSatisfying(
            TaskOutcome.InfrastructureFailure.class,
            f -> assertThat(f.kind()).isEqualTo(TaskOutcome.Kind.EVICTED));
    assertThat(client.pods().list().getItems()).as("finished pods are removed").isEmpty();
  }

  @Test
  void anOomKilledPackageIsRetriedAndItsDependentsWait() throws Exception {
    ScheduleReport report =
        new BuildScheduler(SchedulerOptions.workers(2), new DurationEstimates(1000))
            .run(
                List.of(new BuildTask("lib", Set.of()), new BuildTask("app", Set.of("lib"))),
                (id, attempt, workerName, abort) ->
                    worker(id.equals("lib") && attempt == 1 ? "oomkill" : "succeed", "")
                        .build(request(id), workerName, abort)
                        .outcome(),
                new AbortSignal(),
                r -> {});
    TaskResult lib = report.byId().get("lib");
    assertThat(lib.state()).isEqualTo(TaskResult.State.BUILT);
    assertThat(lib.attempts()).isEqualTo(2);
    assertThat(report.byId().get("app").state()).isEqualTo(TaskResult.State.BUILT);
  }

  @Test
  void abortDeletesTheRunningPod() throws Exception {
    AbortSignal abort = new AbortSignal();
    var pool = Executors.newSingleThreadExecutor();
    try {
      Future<PackageWorker.Result> running =
          pool.submit(() -> worker("run", "").build(request("forever"), "w1", abort));
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  client.pods().list().getItems().stream()
                      .anyMatch(p -> "Running".equals(p.getStatus().getPhase())));
      abort.abort();
      assertThat(running.get(30, TimeUnit.SECONDS).outcome())
          .isInstanceOfSatisfying(
              TaskOutcome.Failed.class, f -> assertThat(f.reason()).isEqualTo("aborted"));
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> client.pods().list().getItems().isEmpty());
    } finally {
      pool.shutdownNow();
    }
  }
}
