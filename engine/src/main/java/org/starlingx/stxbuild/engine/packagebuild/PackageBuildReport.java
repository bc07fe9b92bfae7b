package org.starlingx.stxbuild.engine.packagebuild;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.starlingx.stxbuild.engine.schedule.ScheduleReport;

/**
 * What the report of one package build shows, gathered by the build as it ran (never read back from
 * its logs): the scheduler's results and runs, where each run went, which build each reused package
 * came from and the last lines of each failed package's log.
 *
 * @param title the page's title
 * @param schedule results, runs, graph and workers
 * @param placements where a run went when the worker is elsewhere (pod and node), by {@link
 *     org.starlingx.stxbuild.engine.schedule.TaskAttempt#key()}
 * @param reusedFrom each reused package and the build session that built it
 * @param withLogs the packages whose log sits beside the report as {@code logs/<package>.log}
 * @param logTails the last lines of each failed package's log
 * @param truncatedLogs the packages whose log was cut at its size limit
 */
public record PackageBuildReport(
    String title,
    ScheduleReport schedule,
    Map<String, String> placements,
    Map<String, String> reusedFrom,
    Set<String> withLogs,
    Map<String, List<String>> logTails,
    Set<String> truncatedLogs) {
  public PackageBuildReport {
    placements = Map.copyOf(placements);
    reusedFrom = Map.copyOf(reusedFrom);
    withLogs = Set.copyOf(withLogs);
    logTails = Map.copyOf(logTails);
    truncatedLogs = Set.copyOf(truncatedLogs);
  }

  /** A report where no log reached its size limit. */
  public PackageBuildReport(
      String title,
      ScheduleReport schedule,
      Map<String, String> placements,
      Map<String, String> reusedFrom,
      Set<String> withLogs,
      Map<String, List<String>> logTails) {
    this(title, schedule, placements, reusedFrom, withLogs, logTails, Set.of());
  }
}
