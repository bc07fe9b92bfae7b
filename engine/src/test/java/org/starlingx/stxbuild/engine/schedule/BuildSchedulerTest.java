package org.starlingx.stxbuild.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BuildSchedulerTest {
  private static BuildTask task(String id, String... deps) {
    return new BuildTask(id, Set.of(deps));
  }

  private static ScheduleReport run(
      SchedulerOptions options, List<BuildTask> tasks, TaskRunner runner) throws Exception {
    return new BuildScheduler(options, new DurationEstimates(10))
        .run(tasks, runner, new AbortSignal(), r -> {});
  }

  @Test
  void dependenciesBuildFirstAndAFailureSkipsOnlyItsDependentsWithTheReason() throws Exception {
    List<String> started = new CopyOnWriteArrayList<>();
    ScheduleReport report =
        run(
            SchedulerOptions.workers(2),
            List.of(
                task("lib"),
                task("app", "lib"),
                task("tool", "app"),
                task("docs"),
                task("bad"),
                task("needs-bad", "bad")),
            (id, attempt, worker, abort) -> {
              started.add(id);
              return id.equals("bad")
                  ? new TaskOutcome.Failed("dpkg-buildpackage exited 2")
                  : new TaskOutcome.Built(List.of(id + ".deb"));
            });

    assertThat(started.indexOf("lib")).isLessThan(started.indexOf("app"));
    assertThat(started.indexOf("app")).isLessThan(started.indexOf("tool"));
    Map<String, TaskResult> results = report.byId();
    assertThat(results.get("tool").state()).isEqualTo(TaskResult.State.BUILT);
    assertThat(results.get("docs").state()).isEqualTo(TaskResult.State.BUILT);
    assertThat(results.get("bad").state()).isEqualTo(TaskResult.State.FAILED);
    assertThat(results.get("needs-bad").state()).isEqualTo(TaskResult.State.SKIPPED);
    assertThat(results.get("needs-bad").reason())
        .isEqualTo("skipped: needs bad, which failed: dpkg-buildpackage exited 2");
    assertThat(started).doesNotContain("needs-bad");
    assertThat(report.succeeded()).isFalse();
  }

  @Test
  void transitiveDependentsAreSkippedNamingTheChain() throws Exception {
    ScheduleReport report =
        run(
            SchedulerOptions.workers(1),
            List.of(task("a"), task("b", "a"), task("c", "b")),
            (id, attempt, worker, abort) ->
                id.equals("a") ? new TaskOutcome.Failed("boom") : new TaskOutcome.Built(List.of()));
    assertThat(report.byId().get("c").reason())
        .isEqualTo("skipped: needs b, which was skipped because a failed");
  }

  @Test
  void aLostWorkerIsRetriedOnAnotherWorkerABoundedNumberOfTimes() throws Exception {
    Map<String, List<String>> workers = new ConcurrentHashMap<>();
    ScheduleReport report =
        run(
            SchedulerOptions.workers(3),
            List.of(task("oom"), task("flaky-node")),
            (id, attempt, worker, abort) -> {
              workers.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(worker);
              if (id.equals("oom")) {
                return new TaskOutcome.InfrastructureFailure(
                    TaskOutcome.Kind.OOM_KILLED, "exit 137");
              }
              return attempt == 1
                  ? new TaskOutcome.InfrastructureFailure(TaskOutcome.Kind.EVICTED, "node drained")
                  : new TaskOutcome.Built(List.of());
            });

    assertThat(report.byId().get("flaky-node").state()).isEqualTo(TaskResult.State.BUILT);
    assertThat(report.byId().get("flaky-node").attempts()).isEqualTo(2);
    List<String> flakyWorkers = workers.get("flaky-node");
    assertThat(flakyWorkers.get(1)).isNotEqualTo(flakyWorkers.get(0));
    assertThat(report.byId().get("oom").state()).isEqualTo(TaskResult.State.FAILED);
    assertThat(report.byId().get("oom").attempts()).isEqualTo(3);
    assertThat(report.byId().get("oom").reason()).startsWith("OOM_KILLED on 3 workers");
  }

  @Test
  void aFlakyPackageIsRetriedAloneWhenAsked() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    List<String> runs = Collections.synchronizedList(new ArrayList<>());
    ScheduleReport report =
        run(
            SchedulerOptions.workers(2).withRetriesOnFailure(2),
            List.of(task("flaky"), task("stable"), task("after", "flaky")),
            (id, attempt, worker, abort) -> {
              runs.add(id);
              if (id.equals("flaky") && calls.incrementAndGet() < 3) {
                return new TaskOutcome.Failed("test timed out");
              }
              return new TaskOutcome.Built(List.of());
            });
    assertThat(report.succeeded()).isTrue();
    assertThat(runs).filteredOn("stable"::equals).hasSize(1);
    assertThat(runs).filteredOn("flaky"::equals).hasSize(3);
  }

  @Test
  void theLongestRemainingPathStartsFirst() throws Exception {
    // "chain-1" heads a long chain; "short" tasks are many but alone.
    DurationEstimates estimates =
        DurationEstimates.of(Map.of("chain-1", 10L, "chain-2", 100L, "chain-3", 100L), 5);
    List<String> order = new CopyOnWriteArrayList<>();
    List<BuildTask> tasks =
        List.of(
            task("short-a"),
            task("short-b"),
            task("chain-1"),
            task("chain-2", "chain-1"),
            task("chain-3", "chain-2"));
    new BuildScheduler(SchedulerOptions.workers(1), estimates)
        .run(
            tasks,
            (id, attempt, worker, abort) -> {
              order.add(id);
              return new TaskOutcome.Built(List.of());
            },
            new AbortSignal(),
            r -> {});
    assertThat(order.get(0)).isEqualTo("chain-1");
  }

  @Test
  void abortStopsEverythingAndReportsWhatNeverRan() throws Exception {
    AbortSignal abort = new AbortSignal();
    ScheduleReport report =
        new BuildScheduler(SchedulerOptions.workers(1), new DurationEstimates(10))
            .run(
                List.of(task("first"), task("second", "first")),
                (id, attempt, worker, signal) -> {
                  abort.abort();
                  return new TaskOutcome.Built(List.of());
                },
                abort,
                r -> {});
    assertThat(report.byId().get("first").state()).isEqualTo(TaskResult.State.ABORTED);
    assertThat(report.byId().get("second").state()).isEqualTo(TaskResult.State.ABORTED);
    assertThat(report.byId().get("second").reason()).contains("before it started");
  }
}
