package org.starlingx.stxbuild.engine.packagebuild;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.starlingx.stxbuild.engine.schedule.ScheduleReport;
import org.starlingx.stxbuild.engine.schedule.TaskAttempt;

/**
 * The chain of packages that held the build, from what actually ran: it ends with the package that
 * ended last; before each package comes the dependency that ended last, the one it waited for
 * longest. Where a package started later than its last dependency ended, it waited for a worker.
 *
 * @param packages the chain, first to last
 * @param buildingMillis time the chain's packages ran (all their attempts)
 * @param waitingMillis time between a package's dependency ending and it starting (workers busy)
 */
public record CriticalPath(List<String> packages, long buildingMillis, long waitingMillis) {
  public CriticalPath {
    packages = List.copyOf(packages);
  }

  public static CriticalPath of(ScheduleReport report) {
    Map<String, Long> firstStart = new HashMap<>();
    Map<String, Long> lastEnd = new HashMap<>();
    Map<String, Long> ran = new HashMap<>();
    for (TaskAttempt a : report.attempts()) {
      firstStart.merge(a.id(), a.startMillis(), Math::min);
      lastEnd.merge(a.id(), a.endMillis(), Math::max);
      ran.merge(a.id(), a.millis(), Long::sum);
    }
    String current = null;
    for (Map.Entry<String, Long> e : lastEnd.entrySet()) {
      if (current == null
          || e.getValue() > lastEnd.get(current)
          || (e.getValue().equals(lastEnd.get(current)) && e.getKey().compareTo(current) < 0)) {
        current = e.getKey();
      }
    }
    List<String> chain = new ArrayList<>();
    long building = 0;
    long waiting = 0;
    while (current != null) {
      chain.add(current);
      building += ran.get(current);
      String before = null;
      for (String dep : report.dependsOn().getOrDefault(current, java.util.Set.of())) {
        if (lastEnd.containsKey(dep)
            && (before == null
                || lastEnd.get(dep) > lastEnd.get(before)
                || (lastEnd.get(dep).equals(lastEnd.get(before)) && dep.compareTo(before) < 0))) {
          before = dep;
        }
      }
      long readyAt = before == null ? 0 : lastEnd.get(before);
      waiting += Math.max(0, firstStart.get(current) - readyAt);
      current = before;
    }
    Collections.reverse(chain);
    return new CriticalPath(chain, building, waiting);
  }
}
