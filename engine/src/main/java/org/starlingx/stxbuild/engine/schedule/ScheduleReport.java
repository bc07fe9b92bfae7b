package org.starlingx.stxbuild.engine.schedule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every task's result, in the order they ended, and how the build went: each run of each task on
 * its worker, the graph the tasks formed and how many workers ran them (what the report's timeline,
 * critical path and utilisation are computed from).
 *
 * @param results one per task
 * @param makespanMillis from the first start to the last end
 * @param attempts every run of every task, in the order they ended
 * @param dependsOn each task and the tasks it waited for
 * @param workers how many workers ran the tasks (0 when not known)
 */
public record ScheduleReport(
    List<TaskResult> results,
    long makespanMillis,
    List<TaskAttempt> attempts,
    Map<String, Set<String>> dependsOn,
    int workers) {
  public ScheduleReport {
    results = List.copyOf(results);
    attempts = List.copyOf(attempts);
    Map<String, Set<String>> copy = new LinkedHashMap<>();
    dependsOn.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
    dependsOn = java.util.Collections.unmodifiableMap(copy);
  }

  /** Results alone, without the runs (tests, and builds that ran no scheduler). */
  public ScheduleReport(List<TaskResult> results, long makespanMillis) {
    this(results, makespanMillis, List.of(), Map.of(), 0);
  }

  public Map<String, TaskResult> byId() {
    return results.stream().collect(Collectors.toMap(TaskResult::id, Function.identity()));
  }

  public long count(TaskResult.State state) {
    return results.stream().filter(r -> r.state() == state).count();
  }

  /** True when every task was built or reused. */
  public boolean succeeded() {
    return results.stream()
        .allMatch(r -> r.state() == TaskResult.State.BUILT || r.state() == TaskResult.State.REUSED);
  }
}
