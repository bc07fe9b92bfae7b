package org.starlingx.stxbuild.engine.schedule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Prints how close the makespan comes to its lower bound max(critical path, total work / N), for
 * longest-remaining-path ordering and, side by side in the same run, plain FIFO. Not a pass/fail
 * test: run with {@code ./mvnw -pl engine test -Dtest=SchedulerBenchmark}.
 */
class SchedulerBenchmark {
  private static final int TASKS = 48;

  @Test
  void makespanAgainstItsLowerBound() throws Exception {
    Random random = new Random(7);
    Map<String, Long> durations = new HashMap<>();
    List<BuildTask> tasks = new ArrayList<>();
    for (int i = 0; i < TASKS; i++) {
      String id = "pkg-" + i;
      // A few long packages (like a kernel) and many short ones.
      durations.put(id, i % 12 == 0 ? 120L : 5L + random.nextInt(25));
      Set<String> deps = new HashSet<>();
      for (int d = 0; d < 3 && i > 0; d++) {
        if (random.nextInt(3) == 0) {
          deps.add("pkg-" + random.nextInt(i));
        }
      }
      tasks.add(new BuildTask(id, deps));
    }
    long total = durations.values().stream().mapToLong(Long::longValue).sum();
    long criticalPath = criticalPath(tasks, durations);
    System.out.printf(
        "scheduler benchmark: %d tasks, total work %d ms, critical path %d ms%n",
        TASKS, total, criticalPath);
    System.out.println("workers  bound(ms)  LRP(ms)  LRP/bound  FIFO(ms)  FIFO/bound");
    for (int workers : new int[] {1, 2, 4, 8}) {
      long bound = Math.max(criticalPath, total / workers);
      long lrp = makespan(tasks, durations, workers, SchedulerOptions.Order.LONGEST_REMAINING_PATH);
      long fifo = makespan(tasks, durations, workers, SchedulerOptions.Order.FIFO);
      System.out.printf(
          "%7d  %9d  %7d  %9.2f  %8d  %10.2f%n",
          workers, bound, lrp, (double) lrp / bound, fifo, (double) fifo / bound);
    }
  }

  private static long makespan(
      List<BuildTask> tasks, Map<String, Long> durations, int workers, SchedulerOptions.Order order)
      throws Exception {
    BuildScheduler scheduler =
        new BuildScheduler(
            SchedulerOptions.workers(workers).withOrder(order),
            DurationEstimates.of(durations, 10));
    return scheduler
        .run(
            tasks,
            (id, attempt, worker, abort) -> {
              Thread.sleep(durations.get(id));
              return new TaskOutcome.Built(List.of());
            },
            new AbortSignal(),
            r -> {})
        .makespanMillis();
  }

  private static long criticalPath(List<BuildTask> tasks, Map<String, Long> durations) {
    Map<String, Long> finish = new HashMap<>();
    for (BuildTask task : tasks) { // tasks only depend on earlier ones
      long start = task.dependsOn().stream().mapToLong(finish::get).max().orElse(0);
      finish.put(task.id(), start + durations.get(task.id()));
    }
    return finish.values().stream().mapToLong(Long::longValue).max().orElse(0);
  }
}
