package org.starlingx.stxbuild.engine.workers.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.pods.BuildPodFactory;
import org.starlingx.stxbuild.engine.pods.RoleSettings;
import org.starlingx.stxbuild.engine.repo.SessionNames;
import org.starlingx.stxbuild.engine.schedule.AbortSignal;
import org.starlingx.stxbuild.engine.schedule.BuildScheduler;
import org.starlingx.stxbuild.engine.schedule.BuildTask;
import org.starlingx.stxbuild.engine.schedule.DurationEstimates;
import org.starlingx.stxbuild.engine.schedule.SchedulerOptions;
import org.starlingx.stxbuild.engine.scope.BuildScope;
import org.starlingx.stxbuild.engine.scope.NamespaceStrategy;
import org.starlingx.stxbuild.engine.scope.NamingPolicy;
import org.starlingx.stxbuild.engine.scope.ScopeNames;
import org.starlingx.stxbuild.engine.workers.KubernetesPodWorker;
import org.starlingx.stxbuild.engine.workers.PackageBuildRequest;
import org.starlingx.stxbuild.engine.workers.PackageWorker;
import org.starlingx.stxbuild.engine.workers.PodRepositoryAccess;
import org.starlingx.stxbuild.testenv.kube.KubeClusterExtension;
import org.starlingx.stxbuild.testenv.kube.TestNamespace;

/**
 * What spreading packages over transient pods costs and gains, on the real API server and scheduler
 * with KWOK nodes that play each package for its simulated duration: a 300-package graph (a few
 * long packages, many short ones; durations scaled down from a StarlingX build) built with 1 to 32
 * pods at once. Printed side by side: makespan, the lower bound max(critical path, total / pods)
 * with the measured mean pod start latency added to every package, their ratio, and the makespan of
 * all packages in one pod on one node (parallel builds capped by that node: 16 CPUs / 2 per package
 * = 8), computed by simulation with the same ordering plus one pod start.
 *
 * <p>Also printed: the pod start latency (creation to a running container; median and p90) and the
 * whole cost of a pod per package (its slot held beyond the package's duration: creation, start,
 * log read, deletion), and the share of the short packages' slot time spent starting pods, which is
 * what batching short packages into one pod could save.
 *
 * <p>CI runs a tiny form (30 packages, 1 and 4 pods, scale 0.2: seconds) so the benchmark keeps
 * working. The full run (minutes): {@code ./mvnw -pl engine -am verify -Dit -Dstx.bench=true
 * -Dit.test=PodSpreadBenchmarkIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false} (300
 * packages, 1 to 32 pods, scale 0.5); {@code -Dstx.bench.packages=N -Dstx.bench.pods=1,2,4
 * -Dstx.bench.scale=1.0} change the run.
 */
@ExtendWith(KubeClusterExtension.class)
class PodSpreadBenchmarkIT {
  private static final int ONE_NODE_PARALLEL = 8;
  private static final long LONG_PACKAGE_MILLIS = 6000;
  @TempDir Path work;

  @Test
  void makespanAgainstItsLowerBoundWithPodStartLatency(
      KubernetesClient client, TestNamespace namespace) throws Exception {
    boolean full = Boolean.getBoolean("stx.bench");
    int packages = Integer.getInteger("stx.bench.packages", full ? 300 : 30);
    double scale = Double.parseDouble(System.getProperty("stx.bench.scale", full ? "0.5" : "0.2"));
    int[] podCounts =
        Arrays.stream(
                System.getProperty("stx.bench.pods", full ? "1,2,4,8,16,32" : "1,4").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    client
        .serviceAccounts()
        .resource(
            new ServiceAccountBuilder()
                .withNewMetadata()
                .withName(RoleSettings.BUILD_POD_SERVICE_ACCOUNT)
                .endMetadata()
                .build())
        .create();
    Random random = new Random(11);
    Map<String, Long> durations = new HashMap<>();
    List<BuildTask> tasks = new ArrayList<>();
    for (int i = 0; i < packages; i++) {
      String id = "pkg-" + i;
      // Like StarlingX: a few long packages (kernel, ceph), most short.
      long millis = i % 12 == 0 ? LONG_PACKAGE_MILLIS : 100 + random.nextInt(500);
      durations.put(id, Math.max(50, Math.round(millis * scale)));
      Set<String> deps = new HashSet<>();
      for (int d = 0; d < 3 && i > 0; d++) {
        if (random.nextInt(3) == 0) {
          deps.add("pkg-" + random.nextInt(i));
        }
      }
      tasks.add(new BuildTask(id, deps));
    }
    long total = durations.values().stream().mapToLong(Long::longValue).sum();
    System.out.printf(
        "pod spread benchmark: %d packages, scale %.2f, total %.1f s, critical path %.1f s%n",
        packages, scale, total / 1000.0, criticalPath(tasks, durations, 0) / 1000.0);
    System.out.println(
        "pods  latency-mean/median/p90(s)  pod-cost-median/p90(s)  makespan(s)  bound(s)"
            + "  makespan/bound  one-pod(s)  one-pod/makespan  short-pkg-start-share");
    for (int pods : podCounts) {
      Map<String, Long> latencies = new ConcurrentHashMap<>();
      Map<String, Long> slotMillis = new ConcurrentHashMap<>();
      long makespan =
          runOnCluster(client, namespace, tasks, durations, pods, latencies, slotMillis);
      assertThat(latencies).as("every package ran in a pod").hasSize(packages);
      long latency =
          Math.round(latencies.values().stream().mapToLong(Long::longValue).average().orElse(0));
      long bound =
          Math.max(criticalPath(tasks, durations, latency), (total + latency * packages) / pods);
      long onePod = latency + simulate(tasks, durations, Math.min(pods, ONE_NODE_PARALLEL));
      List<Long> podCost = new ArrayList<>();
      slotMillis.forEach((id, slot) -> podCost.add(slot - durations.get(id)));
      // Short packages (all but every 12th): what share of the slot time they hold is pod start.
      long shortStart = 0;
      long shortSlot = 0;
      for (var e : slotMillis.entrySet()) {
        if (durations.get(e.getKey()) < LONG_PACKAGE_MILLIS * scale) {
          shortStart += latencies.get(e.getKey());
          shortSlot += e.getValue();
        }
      }
      System.out.printf(
          "%4d  %8.2f / %6.2f / %6.2f  %10.2f / %7.2f  %11.1f  %8.1f  %14.2f  %10.1f  %16.2f  %21.2f%n",
          pods,
          latency / 1000.0,
          percentile(latencies.values(), 50) / 1000.0,
          percentile(latencies.values(), 90) / 1000.0,
          percentile(podCost, 50) / 1000.0,
          percentile(podCost, 90) / 1000.0,
          makespan / 1000.0,
          bound / 1000.0,
          (double) makespan / bound,
          onePod / 1000.0,
          (double) onePod / makespan,
          shortSlot == 0 ? 0.0 : (double) shortStart / shortSlot);
    }
  }

  private static long percentile(java.util.Collection<Long> values, int p) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    if (sorted.isEmpty()) {
      return 0;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  private long runOnCluster(
      KubernetesClient client,
      TestNamespace namespace,
      List<BuildTask> tasks,
      Map<String, Long> durations,
      int pods,
      Map<String, Long> latencies,
      Map<String, Long> slotMillis)
      throws Exception {
    ScopeNames scope =
        new ScopeNames(
            new BuildScope("bench", "spread", "master", "p" + pods),
            new NamingPolicy(NamespaceStrategy.SHARED, namespace.name(), "stx-"));
    SessionNames session = new SessionNames(scope.line(), scope.build(), Map.of());
    BuildPodFactory factory = new BuildPodFactory(scope, Map.of());
    PodRepositoryAccess access =
        new PodRepositoryAccess(
            session, "http://pulp.invalid", "http://pulp.invalid", "bench", "no-secret");
    Path dsc = Files.writeString(work.resolve("bench.dsc"), "");
    PackageWorker playedByKwok =
        (request, worker, abort) -> {
          // KWOK ends each pod after the package's simulated duration.
          String override =
              "metadata: {annotations: {testenv.starlingx.org/outcome: succeed,"
                  + " testenv.starlingx.org/duration: "
                  + durations.get(request.name())
                  + "ms}}";
          long start = System.nanoTime();
          PackageWorker.Result result =
              new KubernetesPodWorker(
                      client,
                      factory,
                      access,
                      r -> "http://pulp.invalid/x.dsc",
                      override,
                      Duration.ofMinutes(10))
                  .build(request, worker, abort);
          slotMillis.put(request.name(), (System.nanoTime() - start) / 1_000_000);
          if (result.placement() != null) {
            latencies.put(request.name(), result.placement().startLatency().toMillis());
          }
          return result;
        };
    return new BuildScheduler(SchedulerOptions.workers(pods), DurationEstimates.of(durations, 1000))
        .run(
            tasks,
            (id, attempt, worker, abort) ->
                playedByKwok
                    .build(
                        new PackageBuildRequest(
                            id, dsc, List.of(), List.of(), null, work.resolve(id + ".log")),
                        worker,
                        abort)
                    .outcome(),
            new AbortSignal(),
            r -> {})
        .makespanMillis();
  }

  /** Longest chain of packages, each costing its duration plus {@code startLatency}. */
  private static long criticalPath(
      List<BuildTask> tasks, Map<String, Long> durations, long startLatency) {
    Map<String, Long> finish = new HashMap<>();
    for (BuildTask task : tasks) { // tasks only depend on earlier ones
      long start = task.dependsOn().stream().mapToLong(finish::get).max().orElse(0);
      finish.put(task.id(), start + durations.get(task.id()) + startLatency);
    }
    return Collections.max(finish.values());
  }

  /**
   * Makespan of list scheduling by longest remaining path on {@code slots} parallel builds, in
   * virtual time: what the same scheduler achieves inside one pod.
   */
  private static long simulate(List<BuildTask> tasks, Map<String, Long> durations, int slots) {
    Map<String, Long> remaining = new HashMap<>();
    Map<String, List<String>> dependents = new HashMap<>();
    for (BuildTask task : tasks) {
      task.dependsOn()
          .forEach(d -> dependents.computeIfAbsent(d, k -> new ArrayList<>()).add(task.id()));
    }
    for (int i = tasks.size() - 1; i >= 0; i--) {
      String id = tasks.get(i).id();
      long after =
          dependents.getOrDefault(id, List.of()).stream().mapToLong(remaining::get).max().orElse(0);
      remaining.put(id, durations.get(id) + after);
    }
    Map<String, Integer> waitingOn = new HashMap<>();
    PriorityQueue<String> ready =
        new PriorityQueue<>((a, b) -> Long.compare(remaining.get(b), remaining.get(a)));
    for (BuildTask task : tasks) {
      waitingOn.put(task.id(), task.dependsOn().size());
      if (task.dependsOn().isEmpty()) {
        ready.add(task.id());
      }
    }
    record Running(String id, long end) {}
    PriorityQueue<Running> running = new PriorityQueue<>((a, b) -> Long.compare(a.end, b.end));
    long now = 0;
    while (!ready.isEmpty() || !running.isEmpty()) {
      while (running.size() < slots && !ready.isEmpty()) {
        String id = ready.poll();
        running.add(new Running(id, now + durations.get(id)));
      }
      Running done = running.poll();
      now = done.end();
      for (String dependent : dependents.getOrDefault(done.id(), List.of())) {
        if (waitingOn.merge(dependent, -1, Integer::sum) == 0) {
          ready.add(dependent);
        }
      }
    }
    return now;
  }
}
