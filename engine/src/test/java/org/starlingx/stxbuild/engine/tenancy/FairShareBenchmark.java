package org.starlingx.stxbuild.engine.tenancy;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.starlingx.stxbuild.engine.workers.KubernetesPodWorker;
import org.starlingx.stxbuild.engine.workers.PackageBuildRequest;
import org.starlingx.stxbuild.engine.workers.PodRepositoryAccess;
import org.starlingx.stxbuild.testenv.kube.KubeClusterExtension;

/**
 * Tenant A starts a 300-package build, tenant B a 5-package build a little later, on KWOK nodes of
 * their own (two nodes, 16 pkgbuilder pods at once) with package durations simulated by the testenv
 * pod annotations. Prints B's and A's times on an idle cluster, without and with the fair share,
 * side by side. Not a pass/fail test and not run by CI (it takes minutes): run with {@code ./mvnw
 * -pl engine -am test -Dtest=FairShareBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@ExtendWith(KubeClusterExtension.class)
class FairShareBenchmark {
  private static final int A_PACKAGES = Integer.getInteger("stx.bench.a", 300);
  private static final int B_PACKAGES = 5;
  private static final int NODES = 2;
  private static final int SLOTS = 16; // 2 nodes x 16 CPU / 2 CPU per pkgbuilder pod
  private static final int A_WORKERS = 2 * SLOTS; // a big build asks for more than the cluster has
  private static final Duration B_DELAY = Duration.ofSeconds(20);

  @TempDir Path logs;
  private final String id = UUID.randomUUID().toString().substring(0, 6);
  private KubernetesClient admin;
  private TenantSettings settings;

  @Test
  void bigAndSmallBuildOfTwoTenantsWithAndWithoutFairShare(KubernetesClient admin)
      throws Exception {
    this.admin = admin;
    this.settings =
        TenantSettings.parse(
            """
            strategy: per-user
            namespacePrefix: b%s-
            buildServiceAccount: {name: stx-build, namespace: default}
            buildClusterRole: unused
            fairShare: {capacity: %d, namespace: %s}
            """
                .formatted(id, SLOTS, admin.getNamespace()),
            "benchmark");
    Tenant a = settings.tenant("a");
    Tenant b = settings.tenant("b");
    TenantProvisioner provisioner = new TenantProvisioner(admin, settings);
    try {
      createNodes();
      provisioner.provision(a);
      provisioner.provision(b);
      Random random = new Random(18);
      Map<String, Integer> aSeconds = new java.util.HashMap<>();
      for (int i = 0; i < A_PACKAGES; i++) {
        aSeconds.put("a" + i, 2 + random.nextInt(5)); // 2..6 s, like short package builds
      }
      Map<String, Integer> bSeconds = new java.util.HashMap<>();
      for (int i = 0; i < B_PACKAGES; i++) {
        bSeconds.put("b" + i, 5);
      }
      double totalA = aSeconds.values().stream().mapToInt(Integer::intValue).sum();
      System.out.printf(
          "fair share benchmark: %d KWOK nodes, %d pkgbuilder slots; A %d packages (%.0f s of"
              + " work, %d workers), B %d packages of 5 s started %d s after A%n",
          NODES, SLOTS, A_PACKAGES, totalA, A_WORKERS, B_PACKAGES, B_DELAY.toSeconds());

      double bIdle = run(b, bSeconds, B_PACKAGES, null, "B idle");
      double aIdle = run(a, aSeconds, A_WORKERS, null, "A idle");
      double[] without = both(a, aSeconds, b, bSeconds, false);
      double[] with = both(a, aSeconds, b, bSeconds, true);

      System.out.printf("%-28s %10s %10s %10s%n", "", "idle", "no share", "fair share");
      System.out.printf(
          "%-28s %9.1fs %9.1fs %9.1fs%n", "B (5 packages) finishes in", bIdle, without[1], with[1]);
      System.out.printf(
          "%-28s %10s %9.2fx %9.2fx   (goal <= 1.50x)%n",
          "B / B idle", "1.00x", without[1] / bIdle, with[1] / bIdle);
      System.out.printf(
          "%-28s %9.1fs %9.1fs %9.1fs%n", "A finishes in", aIdle, without[0], with[0]);
      System.out.printf(
          "%-28s %10s %+9.1f%% %+9.1f%%   (goal < +10%%)%n",
          "A slowdown", "0%", 100 * (without[0] / aIdle - 1), 100 * (with[0] / aIdle - 1));
    } finally {
      provisioner.remove(a);
      provisioner.remove(b);
      for (int n = 1; n <= NODES; n++) {
        admin.nodes().withName(nodeName(n)).delete();
      }
    }
  }

  /** A and B together, B a little later; returns their wall times in seconds. */
  private double[] both(
      Tenant a,
      Map<String, Integer> aSeconds,
      Tenant b,
      Map<String, Integer> bSeconds,
      boolean fair)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (ApiServerFairShare gateA = fair ? gate() : null;
        ApiServerFairShare gateB = fair ? gate() : null) {
      String label = fair ? "fair share" : "no share";
      Future<Double> aTime = pool.submit(() -> run(a, aSeconds, A_WORKERS, gateA, "A " + label));
      Thread.sleep(B_DELAY.toMillis());
      Future<Double> bTime = pool.submit(() -> run(b, bSeconds, B_PACKAGES, gateB, "B " + label));
      return new double[] {aTime.get(), bTime.get()};
    } finally {
      pool.shutdownNow();
    }
  }

  /** One gate per tenant: they coordinate only through the API server, like two processes. */
  private ApiServerFairShare gate() {
    return new ApiServerFairShare(
        admin,
        settings.coordinationNamespace(),
        settings.policy().namespacePrefix(),
        SLOTS,
        line -> System.out.println("  " + line));
  }

  private double run(
      Tenant tenant, Map<String, Integer> seconds, int workers, FairShareGate gate, String label)
      throws InterruptedException {
    ScopeNames names =
        new ScopeNames(new BuildScope(tenant.name(), "stx", "master", id), settings.policy());
    BuildPodFactory pods = new BuildPodFactory(names, Map.of());
    TenantOnDemand onDemand = new TenantOnDemand(new TenantProvisioner(admin, settings));
    List<BuildTask> tasks = new ArrayList<>();
    seconds.keySet().stream().sorted().forEach(p -> tasks.add(new BuildTask(p, Set.of())));
    long started = System.nanoTime();
    ScheduleReport report =
        new BuildScheduler(
                SchedulerOptions.workers(workers).withOrder(SchedulerOptions.Order.FIFO),
                new DurationEstimates(1000))
            .run(
                tasks,
                (pkg, attempt, worker, abort) ->
                    new TenantPackageWorker(
                            podWorker(pods, seconds.get(pkg)),
                            onDemand,
                            tenant,
                            gate == null ? FairShareGate.NONE : gate)
                        .build(request(pkg), worker, abort)
                        .outcome(),
                new AbortSignal(),
                r -> {});
    double wall = (System.nanoTime() - started) / 1e9;
    long built = report.results().stream().filter(r -> r.state() == TaskResult.State.BUILT).count();
    System.out.printf("  %-14s %3d/%d built in %6.1f s%n", label, built, tasks.size(), wall);
    return wall;
  }

  private KubernetesPodWorker podWorker(BuildPodFactory pods, int seconds) {
    String yaml =
        """
        metadata:
          annotations:
            testenv.starlingx.org/duration: %ds
        spec:
          nodeSelector:
            stx-bench: "%s"
          tolerations:
            - {key: stx-bench, operator: Equal, value: "%s", effect: NoSchedule}
        """
            .formatted(seconds, id, id);
    return new KubernetesPodWorker(
        admin,
        pods,
        new PodRepositoryAccess(
            new SessionNames("line", "line-1", Map.of()),
            "http://pulp:24817",
            "http://pulp:24816",
            "admin",
            "pulp-password"),
        r -> "http://pulp/sources/" + r.name() + ".dsc",
        yaml,
        Duration.ofMinutes(15));
  }

  private PackageBuildRequest request(String name) {
    return new PackageBuildRequest(
        name,
        Path.of(name + ".dsc"),
        List.of(),
        AptSource.trusted(java.net.URI.create("http://pulp/stx/sessions/s1/"), "default", "all"),
        logs.resolve(name + ".log"));
  }

  private String nodeName(int n) {
    return "stx-bench-" + id + "-" + n;
  }

  /** Nodes of the benchmark's own: other tests' pods never land there, nor its pods elsewhere. */
  private void createNodes() {
    Map<String, Quantity> resources =
        Map.of(
            "cpu", new Quantity("16"),
            "memory", new Quantity("64Gi"),
            "pods", new Quantity("110"),
            "ephemeral-storage", new Quantity("2000Gi"));
    for (int n = 1; n <= NODES; n++) {
      admin
          .nodes()
          .resource(
              new NodeBuilder()
                  .withNewMetadata()
                  .withName(nodeName(n))
                  .addToLabels("type", "kwok")
                  .addToLabels("stx-bench", id)
                  .addToLabels("kubernetes.io/hostname", nodeName(n))
                  .addToLabels("kubernetes.io/os", "linux")
                  .addToLabels("kubernetes.io/arch", "amd64")
                  .addToAnnotations("kwok.x-k8s.io/node", "fake")
                  .endMetadata()
                  .withNewSpec()
                  .addNewTaint()
                  .withKey("stx-bench")
                  .withValue(id)
                  .withEffect("NoSchedule")
                  .endTaint()
                  .endSpec()
                  .withNewStatus()
                  .withAllocatable(resources)
                  .withCapacity(resources)
                  .withNewNodeInfo()
                  .withArchitecture("amd64")
                  .withOperatingSystem("linux")
                  .withKubeletVersion("fake")
                  .endNodeInfo()
                  .endStatus()
                  .build())
          .create();
    }
  }
}
