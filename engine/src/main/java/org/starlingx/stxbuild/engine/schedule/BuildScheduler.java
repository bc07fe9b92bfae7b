package org.starlingx.stxbuild.engine.schedule;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs a graph of tasks on N workers. Ready tasks start in order of their longest remaining path
 * (their own estimate plus the longest chain of estimates that waits on them), so long chains start
 * early and the makespan approaches max(critical path, total work / N). A failed build skips its
 * dependents only, with the reason; a failed worker is retried on another worker.
 */
public final class BuildScheduler {
  private final SchedulerOptions options;
  private final DurationEstimates estimates;

  public BuildScheduler(SchedulerOptions options, DurationEstimates estimates) {
    this.options = options;
    this.estimates = estimates;
  }

  /** Runs every task; {@code progress} sees each result as it happens. */
  public ScheduleReport run(
      List<BuildTask> tasks, TaskRunner runner, AbortSignal abort, Consumer<TaskResult> progress)
      throws InterruptedException {
    Map<String, BuildTask> byId = new LinkedHashMap<>();
    tasks.forEach(t -> byId.put(t.id(), t));
    for (BuildTask task : tasks) {
      for (String dependency : task.dependsOn()) {
        if (!byId.containsKey(dependency)) {
          throw new IllegalArgumentException(
              "task " + task.id() + " depends on " + dependency + ", which is not a task");
        }
      }
    }
    Map<String, List<String>> dependents = new HashMap<>();
    Map<String, Integer> waitingOn = new HashMap<>();
    for (BuildTask task : tasks) {
      waitingOn.put(task.id(), task.dependsOn().size());
      task.dependsOn()
          .forEach(d -> dependents.computeIfAbsent(d, k -> new ArrayList<>()).add(task.id()));
    }
    Map<String, Long> priority = remainingPath(byId, dependents);
    Map<String, Integer> arrival = new HashMap<>();
    Comparator<String> order =
        options.order() == SchedulerOptions.Order.FIFO
            ? Comparator.comparing(arrival::get)
            : Comparator.<String, Long>comparing(priority::get)
                .reversed()
                .thenComparing(arrival::get);
    PriorityQueue<String> ready = new PriorityQueue<>(order);
    int sequence = 0;
    for (BuildTask task : tasks) {
      if (task.dependsOn().isEmpty()) {
        arrival.put(task.id(), sequence++);
        ready.add(task.id());
      }
    }

    Deque<String> freeWorkers = new ArrayDeque<>();
    for (int i = 1; i <= options.workers(); i++) {
      freeWorkers.add("worker-" + i);
    }
    Map<String, Integer> attempts = new HashMap<>();
    Map<String, Integer> infraFailures = new HashMap<>();
    Map<String, String> avoidWorker = new HashMap<>();
    Map<String, TaskResult> results = new LinkedHashMap<>();
    List<TaskResult> inOrder = new ArrayList<>();
    List<TaskAttempt> runs = new ArrayList<>();
    Consumer<TaskResult> finish =
        r -> {
          results.put(r.id(), r);
          inOrder.add(r);
          progress.accept(r);
        };

    record Done(
        String id,
        String worker,
        TaskOutcome outcome,
        long millis,
        long startNanos,
        long endNanos) {}
    ExecutorService pool = Executors.newFixedThreadPool(options.workers());
    CompletionService<Done> completion = new ExecutorCompletionService<>(pool);
    Set<Future<Done>> running = new HashSet<>();
    final long started = System.nanoTime();
    try {
      while (!ready.isEmpty() || !running.isEmpty()) {
        while (!ready.isEmpty() && !freeWorkers.isEmpty() && !abort.aborted()) {
          String id = ready.poll();
          String worker = pickWorker(freeWorkers, avoidWorker.get(id));
          int attempt = attempts.merge(id, 1, Integer::sum);
          running.add(
              completion.submit(
                  () -> {
                    long t0 = System.nanoTime();
                    TaskOutcome outcome;
                    try {
                      outcome = runner.run(id, attempt, worker, abort);
                    } catch (InterruptedException e) {
                      outcome = new TaskOutcome.Failed("aborted");
                    } catch (RuntimeException e) {
                      outcome =
                          new TaskOutcome.Failed(
                              e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                    long t1 = System.nanoTime();
                    return new Done(id, worker, outcome, (t1 - t0) / 1_000_000, t0, t1);
                  }));
        }
        if (running.isEmpty()) {
          break;
        }
        Future<Done> next = completion.take();
        running.remove(next);
        Done done;
        try {
          done = next.get();
        } catch (ExecutionException e) {
          throw new IllegalStateException("scheduler task crashed", e.getCause());
        }
        freeWorkers.add(done.worker());
        int attempt = attempts.get(done.id());
        runs.add(
            attemptOf(
                done.id(),
                attempt,
                done.worker(),
                done.outcome(),
                abort.aborted(),
                (done.startNanos() - started) / 1_000_000,
                (done.endNanos() - started) / 1_000_000));
        if (abort.aborted()) {
          finish.accept(
              new TaskResult(
                  done.id(),
                  TaskResult.State.ABORTED,
                  attempt,
                  done.worker(),
                  done.millis(),
                  "build aborted: " + abort.reason()));
          continue;
        }
        TaskOutcome outcome = done.outcome();
        if (outcome instanceof TaskOutcome.Built) {
          estimates.record(done.id(), done.millis());
          finish.accept(
              new TaskResult(
                  done.id(), TaskResult.State.BUILT, attempt, done.worker(), done.millis(), ""));
          sequence = release(done.id(), dependents, waitingOn, ready, arrival, sequence);
        } else if (outcome instanceof TaskOutcome.Reused reused) {
          finish.accept(
              new TaskResult(
                  done.id(),
                  TaskResult.State.REUSED,
                  attempt,
                  done.worker(),
                  done.millis(),
                  reused.reason()));
          sequence = release(done.id(), dependents, waitingOn, ready, arrival, sequence);
        } else if (outcome instanceof TaskOutcome.InfrastructureFailure failure) {
          int failures = infraFailures.merge(done.id(), 1, Integer::sum);
          if (failures <= options.infrastructureRetries()) {
            avoidWorker.put(done.id(), done.worker());
            ready.add(done.id());
          } else {
            String reason =
                failure.kind() + " on " + failures + " workers, last: " + failure.reason();
            finish.accept(
                new TaskResult(
                    done.id(),
                    TaskResult.State.FAILED,
                    attempt,
                    done.worker(),
                    done.millis(),
                    reason));
            skipDependents(done.id(), reason, dependents, results, finish);
          }
        } else if (outcome instanceof TaskOutcome.Failed failed) {
          int buildFailures = attempt - infraFailures.getOrDefault(done.id(), 0);
          if (buildFailures <= options.retriesOnFailure()) {
            ready.add(done.id());
          } else {
            finish.accept(
                new TaskResult(
                    done.id(),
                    TaskResult.State.FAILED,
                    attempt,
                    done.worker(),
                    done.millis(),
                    failed.reason()));
            skipDependents(done.id(), failed.reason(), dependents, results, finish);
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
    for (BuildTask task : tasks) {
      if (!results.containsKey(task.id())) {
        finish.accept(
            new TaskResult(
                task.id(),
                TaskResult.State.ABORTED,
                attempts.getOrDefault(task.id(), 0),
                "",
                0,
                "build aborted before it started: " + abort.reason()));
      }
    }
    Map<String, Set<String>> graph = new LinkedHashMap<>();
    tasks.forEach(t -> graph.put(t.id(), t.dependsOn()));
    return new ScheduleReport(
        inOrder, (System.nanoTime() - started) / 1_000_000, runs, graph, options.workers());
  }

  private static TaskAttempt attemptOf(
      String id,
      int number,
      String worker,
      TaskOutcome outcome,
      boolean aborted,
      long startMillis,
      long endMillis) {
    TaskAttempt.Kind kind;
    String reason;
    if (aborted) {
      kind = TaskAttempt.Kind.ABORTED;
      reason = "build aborted";
    } else if (outcome instanceof TaskOutcome.Built) {
      kind = TaskAttempt.Kind.BUILT;
      reason = "";
    } else if (outcome instanceof TaskOutcome.Reused reused) {
      kind = TaskAttempt.Kind.REUSED;
      reason = reused.reason();
    } else if (outcome instanceof TaskOutcome.InfrastructureFailure failure) {
      kind = TaskAttempt.Kind.INFRASTRUCTURE_FAILURE;
      reason = failure.kind() + ": " + failure.reason();
    } else {
      kind = TaskAttempt.Kind.FAILED;
      reason = ((TaskOutcome.Failed) outcome).reason();
    }
    return new TaskAttempt(id, number, worker, startMillis, endMillis, kind, reason);
  }

  /** After a success: dependents whose last dependency this was become ready. */
  private static int release(
      String id,
      Map<String, List<String>> dependents,
      Map<String, Integer> waitingOn,
      PriorityQueue<String> ready,
      Map<String, Integer> arrival,
      int sequence) {
    for (String dependent : dependents.getOrDefault(id, List.of())) {
      if (waitingOn.merge(dependent, -1, Integer::sum) == 0) {
        arrival.put(dependent, sequence++);
        ready.add(dependent);
      }
    }
    return sequence;
  }

  /** Every task that (transitively) needs a failed one is skipped, with the reason. */
  private static void skipDependents(
      String failed,
      String reason,
      Map<String, List<String>> dependents,
      Map<String, TaskResult> results,
      Consumer<TaskResult> finish) {
    Deque<String[]> queue = new ArrayDeque<>();
    dependents.getOrDefault(failed, List.of()).forEach(d -> queue.add(new String[] {d, failed}));
    while (!queue.isEmpty()) {
      String[] next = queue.poll();
      if (results.containsKey(next[0])) {
        continue;
      }
      String why =
          next[1].equals(failed)
              ? "skipped: needs " + failed + ", which failed: " + reason
              : "skipped: needs " + next[1] + ", which was skipped because " + failed + " failed";
      finish.accept(new TaskResult(next[0], TaskResult.State.SKIPPED, 0, "", 0, why, failed));
      dependents
          .getOrDefault(next[0], List.of())
          .forEach(d -> queue.add(new String[] {d, next[0]}));
    }
  }

  private static String pickWorker(Deque<String> free, String avoid) {
    if (avoid != null && free.size() > 1 && free.peekFirst().equals(avoid)) {
      String first = free.pollFirst();
      String chosen = free.pollFirst();
      free.addFirst(first);
      return chosen;
    }
    if (avoid != null && free.size() > 1) {
      for (String worker : free) {
        if (!worker.equals(avoid)) {
          free.remove(worker);
          return worker;
        }
      }
    }
    return free.pollFirst();
  }

  /** Each task's estimate plus the longest chain of estimates that waits on it. */
  private Map<String, Long> remainingPath(
      Map<String, BuildTask> byId, Map<String, List<String>> dependents) {
    Map<String, Long> memo = new HashMap<>();
    for (String id : byId.keySet()) {
      remaining(id, dependents, memo);
    }
    return memo;
  }

  private long remaining(String id, Map<String, List<String>> dependents, Map<String, Long> memo) {
    Long known = memo.get(id);
    if (known != null) {
      return known;
    }
    long longest = 0;
    for (String dependent : dependents.getOrDefault(id, List.of())) {
      longest = Math.max(longest, remaining(dependent, dependents, memo));
    }
    long value = estimates.estimate(id) + longest;
    memo.put(id, value);
    return value;
  }
}
