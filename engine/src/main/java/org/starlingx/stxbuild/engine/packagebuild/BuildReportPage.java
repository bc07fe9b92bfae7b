package org.starlingx.stxbuild.engine.packagebuild;

import java.util.List;
import org.starlingx.stxbuild.engine.logs.LogIndexPage;
import org.starlingx.stxbuild.engine.schedule.ScheduleReport;
import org.starlingx.stxbuild.engine.schedule.TaskResult;

/** The HTML report of one package build: every package, how it ended, why, and its log. */
public final class BuildReportPage {
  private BuildReportPage() {}

  public static String render(String title, ScheduleReport report, List<String> withLogs) {
    return render(title, report, withLogs, java.util.Set.of());
  }

  /** The page; packages in {@code truncatedLogs} say their log was cut at its size limit. */
  public static String render(
      String title,
      ScheduleReport report,
      List<String> withLogs,
      java.util.Set<String> truncatedLogs) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(LogIndexPage.escape(title))
        .append("</title>\n<style>body{font-family:sans-serif;margin:2em}td,th{padding:.3em 1em;")
        .append("text-align:left}.FAILED{color:#b00}.SKIPPED{color:#a60}.BUILT{color:#070}")
        .append(".REUSED{color:#057}</style>\n</head>\n<body>\n<h1>")
        .append(LogIndexPage.escape(title))
        .append("</h1>\n<p>")
        .append(summary(report))
        .append("</p>\n<table>\n<tr><th>package</th><th>result</th><th>attempts</th>")
        .append("<th>worker</th><th>seconds</th><th>reason</th><th>log</th></tr>\n");
    for (TaskResult r : report.results()) {
      html.append("<tr><td>")
          .append(LogIndexPage.escape(r.id()))
          .append("</td><td class=\"")
          .append(r.state())
          .append("\">")
          .append(r.state().name().toLowerCase())
          .append("</td><td>")
          .append(r.attempts())
          .append("</td><td>")
          .append(LogIndexPage.escape(r.worker()))
          .append("</td><td>")
          .append(String.format("%.1f", r.millis() / 1000.0))
          .append("</td><td>")
          .append(LogIndexPage.escape(r.reason()))
          .append("</td><td>");
      if (withLogs.contains(r.id())) {
        String log = LogIndexPage.escape(r.id() + ".log");
        html.append("<a href=\"logs/").append(log).append("\">").append(log).append("</a>");
        if (truncatedLogs.contains(r.id())) {
          html.append(" (truncated at the log size limit)");
        }
      }
      html.append("</td></tr>\n");
    }
    return html.append("</table>\n</body>\n</html>\n").toString();
  }

  public static String summary(ScheduleReport report) {
    return String.format(
        "%d built, %d reused, %d failed, %d skipped in %.1f s",
        report.count(TaskResult.State.BUILT),
        report.count(TaskResult.State.REUSED),
        report.count(TaskResult.State.FAILED),
        report.count(TaskResult.State.SKIPPED),
        report.makespanMillis() / 1000.0);
  }
}
