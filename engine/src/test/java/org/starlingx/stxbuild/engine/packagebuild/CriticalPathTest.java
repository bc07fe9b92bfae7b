package org.starlingx.stxbuild.engine.packagebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.starlingx.stxbuild.engine.schedule.ScheduleReport;
import org.starlingx.stxbuild.engine.schedule.TaskAttempt;
import org.starlingx.stxbuild.engine.schedule.TaskAttempt.Kind;

class CriticalPathTest {
  private static TaskAttempt run(String id, int n, String worker, long start, long end, Kind kind) {
    return new TaskAttempt(id, n, worker, start, end, kind, "");
  }

  @Test
  void followsTheDependencyThatEndedLastBackFromThePackageThatEndedLast() {
    // docs (0-5) -> tool (5-25) -> app; lib (0-10) -> app; app lost its worker (25-28) and ran
    // again (29-40); late (12-29) needs nothing.
    ScheduleReport report =
        new ScheduleReport(
            List.of(),
            40,
            List.of(
                run("lib", 1, "w1", 0, 10, Kind.BUILT),
                run("docs", 1, "w2", 0, 5, Kind.BUILT),
                run("tool", 1, "w2", 5, 25, Kind.BUILT),
                run("app", 1, "w1", 25, 28, Kind.INFRASTRUCTURE_FAILURE),
                run("late", 1, "w3", 12, 29, Kind.BUILT),
                run("app", 2, "w3", 29, 40, Kind.BUILT)),
            Map.of(
                "lib", Set.of(),
                "docs", Set.of(),
                "tool", Set.of("docs"),
                "late", Set.of(),
                "app", Set.of("lib", "tool")),
            3);

    CriticalPath path = CriticalPath.of(report);

    assertThat(path.packages()).containsExactly("docs", "tool", "app");
    assertThat(path.buildingMillis()).isEqualTo(5 + 20 + 3 + 11);
    // each started as soon as its last dependency ended
    assertThat(path.waitingMillis()).isZero();
  }

  @Test
  void timeAPackageWaitedForAWorkerAfterItsDependencyCounts() {
    ScheduleReport report =
        new ScheduleReport(
            List.of(),
            30,
            List.of(
                run("lib", 1, "w1", 0, 10, Kind.BUILT), run("app", 1, "w1", 18, 30, Kind.BUILT)),
            Map.of("lib", Set.of(), "app", Set.of("lib")),
            1);

    assertThat(CriticalPath.of(report).waitingMillis()).isEqualTo(8);
  }

  @Test
  void aBuildWithoutRunsHasNoCriticalPath() {
    assertThat(CriticalPath.of(new ScheduleReport(List.of(), 0)).packages()).isEmpty();
  }
}
