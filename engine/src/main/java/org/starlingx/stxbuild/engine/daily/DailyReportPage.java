package org.starlingx.stxbuild.engine.daily;

import static org.starlingx.stxbuild.engine.logs.LogIndexPage.escape;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report of one daily build: one row per stage with its outcome, how long it ran (with a bar to
 * compare stages at a glance) and links to its log, and the package build's own report. A static
 * page with relative links and no script, like the package build's report.
 */
public final class DailyReportPage {
  private static final int BAR_WIDTH = 240;

  private DailyReportPage() {}

  /**
   * @param links for each stage, the files to link (relative href to label), for example {@code
   *     stage-build-packages.log} and {@code packages/report.html}
   */
  public static String render(
      String title, List<StageResult> stages, Map<String, Map<String, String>> links) {
    long total = stages.stream().mapToLong(StageResult::millis).sum();
    long longest = Math.max(1, stages.stream().mapToLong(StageResult::millis).max().orElse(1));
    boolean failed = stages.stream().anyMatch(s -> s.state().equals("failed"));
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(escape(title))
        .append("</title>\n<style>body{font-family:system-ui,sans-serif;margin:1.5em 2em;")
        .append("color:#222}td,th{padding:.3em .8em;text-align:left;vertical-align:top}")
        .append("th{background:#f3f3f3}table{border-collapse:collapse}")
        .append("tr{border-bottom:1px solid #eee}.failed{color:#b00}.done{color:#070}")
        .append(".skipped,.partial{color:#a60}.ok{color:#070}.bad{color:#b00}")
        .append("td.detail{max-width:40em;overflow-wrap:anywhere;font-size:.9em}")
        .append("</style>\n</head>\n<body>\n<h1>")
        .append(escape(title))
        .append("</h1>\n<p class=\"")
        .append(failed ? "bad" : "ok")
        .append("\">")
        .append(failed ? "failed" : "succeeded")
        .append(" after ")
        .append(duration(total))
        .append(", ")
        .append(stages.size())
        .append(" stages</p>\n<table>\n<tr><th>stage</th><th>outcome</th><th>duration</th>")
        .append("<th></th><th>detail</th><th>logs</th></tr>\n");
    for (StageResult stage : stages) {
      long width = Math.round((double) BAR_WIDTH * stage.millis() / longest);
      html.append("<tr><td>")
          .append(escape(stage.stage()))
          .append("</td><td class=\"")
          .append(escape(stage.state().replace(' ', '-')))
          .append("\">")
          .append(escape(stage.state()))
          .append("</td><td>")
          .append(duration(stage.millis()))
          .append("</td><td><svg width=\"")
          .append(BAR_WIDTH)
          .append("\" height=\"12\" role=\"img\" aria-label=\"duration\"><rect width=\"")
          .append(Math.max(stage.millis() > 0 ? 1 : 0, width))
          .append("\" height=\"12\" fill=\"")
          .append(stage.state().equals("failed") ? "#c8312b" : "#3a8f5c")
          .append("\"/></svg></td><td class=\"detail\">")
          .append(escape(stage.detail()))
          .append("</td><td>");
      Map<String, String> stageLinks = links.getOrDefault(stage.stage(), Map.of());
      boolean first = true;
      for (Map.Entry<String, String> link : stageLinks.entrySet()) {
        html.append(first ? "" : "<br>")
            .append("<a href=\"")
            .append(escape(link.getKey()))
            .append("\">")
            .append(escape(link.getValue()))
            .append("</a>");
        first = false;
      }
      html.append("</td></tr>\n");
    }
    return html.append("</table>\n</body>\n</html>\n").toString();
  }

  /** The line the Jenkins build page shows: outcome, stages, time. */
  public static String summary(List<StageResult> stages) {
    boolean failed = stages.stream().anyMatch(s -> s.state().equals("failed"));
    return (failed ? "daily build failed" : "daily build succeeded")
        + " after "
        + duration(stages.stream().mapToLong(StageResult::millis).sum())
        + ", "
        + stages.size()
        + " stages";
  }

  static String duration(long millis) {
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    long seconds = millis / 1000;
    return seconds < 3600
        ? String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60)
        : String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
  }
}
