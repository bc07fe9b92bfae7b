package org.starlingx.stxbuild.engine.packagebuild;

import static org.starlingx.stxbuild.engine.logs.LogIndexPage.escape;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.starlingx.stxbuild.engine.schedule.ScheduleReport;
import org.starlingx.stxbuild.engine.schedule.TaskAttempt;
import org.starlingx.stxbuild.engine.schedule.TaskResult;

/**
 * The HTML report of one package build, for a build engineer: what failed and why (with the last
 * lines of its log), what was skipped because of it, where the time went (a timeline per worker
 * with the critical path), what was reused and from which build, and totals. One static file: no
 * script, font or style from elsewhere, links relative to it, so it reads the same from Pulp's
 * content app and from a local file.
 */
public final class BuildReportPage {
  private static final String STYLE =
      "body{font-family:system-ui,sans-serif;margin:1.5em 2em;color:#222}"
          + "h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ddd}"
          + "td,th{padding:.25em .8em;text-align:left;vertical-align:top}"
          + "th{background:#f3f3f3}table{border-collapse:collapse}"
          + ".totals td:first-child{color:#555}"
          + ".FAILED{color:#b00}.SKIPPED{color:#a60}.BUILT{color:#070}.REUSED{color:#057}"
          + ".ABORTED{color:#666}"
          + ".failure{border-left:4px solid #c8312b;padding:.2em 1em;margin:1em 0;background:#fdf5f5}"
          + ".failure h3{margin:.3em 0}"
          // column-reverse keeps a long tail scrolled to its end, the lines that matter, without
          // a script
          + ".tail{display:flex;flex-direction:column-reverse;overflow:auto;max-height:24em;"
          + "background:#1e1e1e}.tail pre{color:#ddd;padding:.6em;margin:0;font-size:.85em}"
          + "nav a{margin-right:1em}"
          + ".summary{font-size:1.1em}.ok{color:#070}.bad{color:#b00}"
          + ".scroll{overflow-x:auto}";

  /** Failures whose log tail shows open; the later ones are one click away. */
  private static final int OPEN_TAILS = 3;

  private BuildReportPage() {}

  /** The report with results alone (no runs, placements or log tails). */
  public static String render(String title, ScheduleReport report, List<String> withLogs) {
    return render(
        new PackageBuildReport(title, report, Map.of(), Map.of(), Set.copyOf(withLogs), Map.of()));
  }

  public static String render(PackageBuildReport build) {
    ScheduleReport report = build.schedule();
    CriticalPath critical = CriticalPath.of(report);
    Map<String, TaskResult> results = report.byId();
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width\">\n<title>")
        .append(escape(build.title()))
        .append("</title>\n<style>")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n<h1>")
        .append(escape(build.title()))
        .append("</h1>\n<p class=\"summary ")
        .append(report.succeeded() ? "ok" : "bad")
        .append("\">")
        .append(escape(summary(report)))
        .append("</p>\n");
    contents(html, build);
    failures(html, build);
    skipped(html, report);
    timeline(html, build, critical);
    reused(html, build);
    totals(html, report, critical);
    graph(html, report, results, critical);
    allPackages(html, build);
    return html.append("</body>\n</html>\n").toString();
  }

  private static void contents(StringBuilder html, PackageBuildReport build) {
    ScheduleReport report = build.schedule();
    html.append("<nav>");
    if (report.count(TaskResult.State.FAILED) > 0) {
      html.append("<a href=\"#failures\">failed</a>");
    }
    if (report.count(TaskResult.State.SKIPPED) > 0) {
      html.append("<a href=\"#skipped\">skipped</a>");
    }
    if (!report.attempts().isEmpty()) {
      html.append("<a href=\"#timeline\">timeline</a>");
    }
    if (report.count(TaskResult.State.REUSED) > 0) {
      html.append("<a href=\"#reused\">reused</a>");
    }
    html.append("<a href=\"#totals\">totals</a>");
    if (!report.dependsOn().isEmpty()) {
      html.append("<a href=\"#graph\">graph</a>");
    }
    html.append("<a href=\"#packages\">all packages</a></nav>\n");
  }

  private static void failures(StringBuilder html, PackageBuildReport build) {
    List<TaskResult> failed =
        build.schedule().results().stream()
            .filter(r -> r.state() == TaskResult.State.FAILED)
            .toList();
    if (failed.isEmpty()) {
      return;
    }
    html.append("<h2 id=\"failures\">Failed (").append(failed.size()).append(")</h2>\n");
    int shown = 0;
    for (TaskResult r : failed) {
      html.append("<div class=\"failure\" id=\"failed-")
          .append(escape(r.id()))
          .append("\">\n<h3>")
          .append(escape(r.id()))
          .append("</h3>\n<p>")
          .append(escape(r.reason()))
          .append("</p>\n<p>");
      List<TaskAttempt> runs =
          build.schedule().attempts().stream().filter(a -> a.id().equals(r.id())).toList();
      html.append(r.attempts()).append(r.attempts() == 1 ? " run" : " runs");
      for (TaskAttempt a : runs) {
        html.append("; run ")
            .append(a.number())
            .append(" on ")
            .append(escape(where(a, build.placements())))
            .append(": ")
            .append(escape(a.kind().name().toLowerCase().replace('_', ' ')))
            .append(" after ")
            .append(Durations.format(a.millis()));
      }
      html.append("</p>\n");
      if (build.withLogs().contains(r.id())) {
        html.append("<p>").append(logLink(r.id())).append("</p>\n");
      }
      List<String> tail = build.logTails().get(r.id());
      if (tail != null && !tail.isEmpty()) {
        // the first failures' tails open; beyond those they would push the timeline far down
        html.append("<details")
            .append(shown++ < OPEN_TAILS ? " open" : "")
            .append("><summary>last ")
            .append(tail.size())
            .append(" lines of the log</summary><div class=\"tail\"><pre>")
            .append(escape(String.join("\n", tail)))
            .append("</pre></div></details>\n");
      }
      html.append("</div>\n");
    }
  }

  private static void skipped(StringBuilder html, ScheduleReport report) {
    List<TaskResult> skipped =
        report.results().stream().filter(r -> r.state() == TaskResult.State.SKIPPED).toList();
    if (skipped.isEmpty()) {
      return;
    }
    html.append("<h2 id=\"skipped\">Skipped (")
        .append(skipped.size())
        .append(")</h2>\n<table>\n<tr><th>package</th><th>waited for</th><th>why</th></tr>\n");
    for (TaskResult r : skipped) {
      html.append("<tr><td>")
          .append(escape(r.id()))
          .append("</td><td class=\"FAILED\"><a href=\"#failed-")
          .append(escape(r.waitedFor()))
          .append("\">")
          .append(escape(r.waitedFor()))
          .append("</a></td><td>")
          .append(escape(r.reason()))
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  private static void timeline(
      StringBuilder html, PackageBuildReport build, CriticalPath critical) {
    if (build.schedule().attempts().isEmpty()) {
      return;
    }
    html.append("<h2 id=\"timeline\">Timeline</h2>\n<p>Critical path (")
        .append(critical.packages().size())
        .append(" packages, ")
        .append(Durations.format(critical.buildingMillis()))
        .append(" building, ")
        .append(Durations.format(critical.waitingMillis()))
        .append(" waiting for a worker): ")
        .append(escape(String.join(" \u2192 ", critical.packages())))
        .append("</p>\n<div class=\"scroll\">\n")
        .append(TimelineSvg.render(build.schedule(), critical, build.placements()))
        .append("</div>\n");
  }

  private static void reused(StringBuilder html, PackageBuildReport build) {
    List<TaskResult> reused =
        build.schedule().results().stream()
            .filter(r -> r.state() == TaskResult.State.REUSED)
            .sorted(Comparator.comparing(TaskResult::id))
            .toList();
    if (reused.isEmpty()) {
      return;
    }
    html.append("<h2 id=\"reused\">Reused (")
        .append(reused.size())
        .append(")</h2>\n<details")
        .append(reused.size() <= 20 ? " open" : "")
        .append("><summary>packages whose inputs did not change and the build they came from")
        .append("</summary>\n<table>\n<tr><th>package</th><th>from build</th></tr>\n");
    for (TaskResult r : reused) {
      String from = build.reusedFrom().get(r.id());
      html.append("<tr><td>")
          .append(escape(r.id()))
          .append("</td><td>")
          .append(escape(from == null ? "an earlier build (not recorded)" : from))
          .append("</td></tr>\n");
    }
    html.append("</table>\n</details>\n");
  }

  private static void totals(StringBuilder html, ScheduleReport report, CriticalPath critical) {
    long busy = report.attempts().stream().mapToLong(TaskAttempt::millis).sum();
    long wall = report.makespanMillis();
    html.append("<h2 id=\"totals\">Totals</h2>\n<table class=\"totals\">\n");
    row(html, "built", String.valueOf(report.count(TaskResult.State.BUILT)));
    row(html, "reused", String.valueOf(report.count(TaskResult.State.REUSED)));
    row(html, "failed", String.valueOf(report.count(TaskResult.State.FAILED)));
    row(html, "skipped", String.valueOf(report.count(TaskResult.State.SKIPPED)));
    if (report.count(TaskResult.State.ABORTED) > 0) {
      row(html, "aborted", String.valueOf(report.count(TaskResult.State.ABORTED)));
    }
    long retries = report.attempts().stream().filter(a -> a.number() > 1).count();
    long workerFailures =
        report.attempts().stream()
            .filter(a -> a.kind() == TaskAttempt.Kind.INFRASTRUCTURE_FAILURE)
            .count();
    row(
        html,
        "runs",
        report.attempts().size()
            + " ("
            + retries
            + " retries, "
            + workerFailures
            + " worker failures)");
    row(html, "wall time", Durations.format(wall));
    row(html, "sum of package times", Durations.format(busy));
    if (report.workers() > 0 && wall > 0) {
      row(
          html,
          "worker utilisation",
          String.format(
              java.util.Locale.ROOT,
              "%.0f %% of %d workers",
              100.0 * busy / ((double) report.workers() * wall),
              report.workers()));
    }
    if (!critical.packages().isEmpty()) {
      row(
          html,
          "critical path",
          critical.packages().size()
              + " packages, "
              + Durations.format(critical.buildingMillis())
              + " building");
    }
    html.append("</table>\n");
  }

  private static void graph(
      StringBuilder html,
      ScheduleReport report,
      Map<String, TaskResult> results,
      CriticalPath critical) {
    if (report.dependsOn().isEmpty()) {
      return;
    }
    html.append("<h2 id=\"graph\">Package graph</h2>\n");
    Optional<String> svg = GraphSvg.render(report.dependsOn(), results, critical.packages());
    if (svg.isPresent()) {
      html.append("<p>Columns are build levels; an arrow points from a package to one that")
          .append(" needs it.</p>\n<div class=\"scroll\">\n")
          .append(svg.get())
          .append("</div>\n");
    } else {
      html.append("<p>The graph has ")
          .append(report.dependsOn().size())
          .append(" packages, more than the ")
          .append(GraphSvg.MAX_PACKAGES)
          .append(" a drawing stays readable with: not drawn here (")
          .append("<code>stx-build plan --format dot</code> writes it for Graphviz).</p>\n");
    }
  }

  private static void allPackages(StringBuilder html, PackageBuildReport build) {
    ScheduleReport report = build.schedule();
    boolean placed = !build.placements().isEmpty();
    html.append("<h2 id=\"packages\">All packages (")
        .append(report.results().size())
        .append(")</h2>\n<details")
        .append(report.results().size() <= 30 ? " open" : "")
        .append("><summary>every package, in the order it ended</summary>\n<table>\n")
        .append("<tr><th>package</th><th>result</th><th>attempts</th><th>worker</th>")
        .append(placed ? "<th>node/pod</th>" : "")
        .append("<th>seconds</th><th>reason</th><th>log</th></tr>\n");
    for (TaskResult r : report.results()) {
      html.append("<tr><td>")
          .append(escape(r.id()))
          .append("</td><td class=\"")
          .append(r.state())
          .append("\">")
          .append(r.state().name().toLowerCase())
          .append("</td><td>")
          .append(r.attempts())
          .append("</td><td>")
          .append(escape(r.worker()))
          .append("</td>");
      if (placed) {
        String where = build.placements().get(TaskAttempt.key(r.id(), r.attempts()));
        html.append("<td>").append(escape(where == null ? "" : where)).append("</td>");
      }
      html.append("<td>")
          .append(String.format(java.util.Locale.ROOT, "%.1f", r.millis() / 1000.0))
          .append("</td><td>")
          .append(escape(r.reason()))
          .append("</td><td>");
      if (build.withLogs().contains(r.id())) {
        html.append(logLink(r.id()));
        if (build.truncatedLogs().contains(r.id())) {
          html.append(" (truncated at the log size limit)");
        }
      }
      html.append("</td></tr>\n");
    }
    html.append("</table>\n</details>\n");
  }

  private static String where(TaskAttempt a, Map<String, String> placements) {
    String placement = placements.get(a.key());
    return placement == null || placement.isEmpty()
        ? a.worker()
        : a.worker() + " (" + placement + ")";
  }

  /** Logs sit beside the report, wherever it is copied or published with them. */
  private static String logLink(String id) {
    String log = escape(id + ".log");
    return "<a href=\"" + log + "\">" + log + "</a>";
  }

  private static void row(StringBuilder html, String name, String value) {
    html.append("<tr><td>")
        .append(name)
        .append("</td><td>")
        .append(escape(value))
        .append("</td></tr>\n");
  }

  public static String summary(ScheduleReport report) {
    return String.format(
        java.util.Locale.ROOT,
        "%d built, %d reused, %d failed, %d skipped in %.1f s",
        report.count(TaskResult.State.BUILT),
        report.count(TaskResult.State.REUSED),
        report.count(TaskResult.State.FAILED),
        report.count(TaskResult.State.SKIPPED),
        report.makespanMillis() / 1000.0);
  }
}
