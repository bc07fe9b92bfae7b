package org.starlingx.stxbuild.engine.packagebuild;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.starlingx.stxbuild.engine.schedule.ScheduleReport;
import org.starlingx.stxbuild.engine.schedule.TaskAttempt;
import org.starlingx.stxbuild.engine.schedule.TaskResult;

/**
 * A large build in virtual time, for reports of StarlingX's size without building anything: a
 * seeded random package graph run on N workers (a package starts on the first free worker once its
 * dependencies are built), with some builds failing, some retried after a failed worker and some
 * reused.
 */
final class SimulatedBuild {
  private SimulatedBuild() {}

  record Result(
      ScheduleReport report, Map<String, String> reusedFrom, Map<String, String> placements) {}

  static Result run(int packages, int workers, long seed) {
    Random random = new Random(seed);
    Map<String, Set<String>> dependsOn = new LinkedHashMap<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < packages; i++) {
      String name = "stx-package-" + i;
      Set<String> deps = new HashSet<>();
      int count = i == 0 ? 0 : random.nextInt(4);
      for (int d = 0; d < count; d++) {
        deps.add(names.get(random.nextInt(names.size())));
      }
      dependsOn.put(name, deps);
      names.add(name);
    }
    long[] freeAt = new long[workers];
    Map<String, Long> endOf = new HashMap<>();
    Map<String, String> failedRoot = new HashMap<>();
    List<TaskAttempt> attempts = new ArrayList<>();
    List<TaskResult> results = new ArrayList<>();
    Map<String, String> reusedFrom = new HashMap<>();
    Map<String, String> placements = new HashMap<>();
    List<String> waiting = new ArrayList<>(names);
    while (!waiting.isEmpty()) {
      // the package whose dependencies ended first goes next, as the scheduler would start it
      String name = null;
      long bestReady = Long.MAX_VALUE;
      for (String candidate : waiting) {
        Set<String> deps = dependsOn.get(candidate);
        if (!deps.stream().allMatch(d -> endOf.containsKey(d) || failedRoot.containsKey(d))) {
          continue;
        }
        long readyAt = deps.stream().mapToLong(d -> endOf.getOrDefault(d, 0L)).max().orElse(0);
        if (readyAt < bestReady) {
          bestReady = readyAt;
          name = candidate;
        }
      }
      waiting.remove(name);
      String blocked =
          dependsOn.get(name).stream()
              .map(failedRoot::get)
              .filter(r -> r != null)
              .findFirst()
              .orElse(null);
      if (blocked != null) {
        failedRoot.put(name, blocked);
        results.add(
            new TaskResult(
                name,
                TaskResult.State.SKIPPED,
                0,
                "",
                0,
                "skipped: needs " + blocked + ", which failed",
                blocked));
        continue;
      }
      long ready = bestReady;
      int roll = random.nextInt(100);
      int runs = roll < 3 ? 2 : 1; // a failed worker, then a good run elsewhere
      TaskAttempt last = null;
      for (int run = 1; run <= runs; run++) {
        int w = earliest(freeAt);
        long start = Math.max(ready, freeAt[w]);
        boolean reused = roll >= 3 && roll < 30;
        long millis = reused ? 200 : 20_000 + random.nextInt(600_000);
        TaskAttempt.Kind kind =
            run < runs
                ? TaskAttempt.Kind.INFRASTRUCTURE_FAILURE
                : reused
                    ? TaskAttempt.Kind.REUSED
                    : roll >= 95 ? TaskAttempt.Kind.FAILED : TaskAttempt.Kind.BUILT;
        String reason =
            switch (kind) {
              case INFRASTRUCTURE_FAILURE -> "EVICTED: the node was low on resource: memory";
              case REUSED -> "inputs unchanged since the last good build";
              case FAILED -> "dpkg-buildpackage exited 2";
              default -> "";
            };
        last = new TaskAttempt(name, run, "worker-" + (w + 1), start, start + millis, kind, reason);
        attempts.add(last);
        placements.put(last.key(), "pod pkg-" + name + " on node kwok-node-" + (w % 3));
        freeAt[w] = start + millis;
        ready = start + millis;
      }
      endOf.put(name, last.endMillis());
      TaskResult.State state =
          switch (last.kind()) {
            case REUSED -> TaskResult.State.REUSED;
            case FAILED -> TaskResult.State.FAILED;
            default -> TaskResult.State.BUILT;
          };
      if (state == TaskResult.State.FAILED) {
        failedRoot.put(name, name);
      }
      if (state == TaskResult.State.REUSED) {
        reusedFrom.put(name, "stx-master-20261130-b7");
      }
      results.add(new TaskResult(name, state, runs, last.worker(), last.millis(), last.reason()));
    }
    long makespan = attempts.stream().mapToLong(TaskAttempt::endMillis).max().orElse(0);
    return new Result(
        new ScheduleReport(results, makespan, attempts, dependsOn, workers),
        reusedFrom,
        placements);
  }

  private static int earliest(long[] freeAt) {
    int best = 0;
    for (int i = 1; i < freeAt.length; i++) {
      if (freeAt[i] < freeAt[best]) {
        best = i;
      }
    }
    return best;
  }
}
