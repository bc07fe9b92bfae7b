package org.starlingx.stxbuild.engine.schedule;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every task's result, in the order they ended, and the build's makespan.
 *
 * @param results one per task
 * @param makespanMillis from the first start to the last end
 */
public record ScheduleReport(List<TaskResult> results, long makespanMillis) {
  public ScheduleReport {
    results = List.copyOf(results);
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
