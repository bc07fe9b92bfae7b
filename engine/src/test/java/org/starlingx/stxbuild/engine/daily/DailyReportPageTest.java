package org.starlingx.stxbuild.engine.daily;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DailyReportPageTest {
  @Test
  void oneRowPerStageWithItsOutcomeDurationAndLogs() {
    List<StageResult> stages =
        List.of(
            new StageResult("detect-changes", "done", "tree changed", 1_200),
            new StageResult("download", "done", "12 files, 3 fetched", 65_000),
            new StageResult("build-packages", "failed", "9 built, 0 reused, 1 failed", 3_725_000),
            new StageResult("record-build-status", "done", "FAILED for b1", 10));
    Map<String, Map<String, String>> links = new LinkedHashMap<>();
    links.put("download", Map.of("stage-download.log", "stage-download.log"));
    Map<String, String> packages = new LinkedHashMap<>();
    packages.put("stage-build-packages.log", "stage-build-packages.log");
    packages.put("packages/report.html", "package build report");
    links.put("build-packages", packages);

    String html = DailyReportPage.render("Daily build <b1>", stages, links);

    assertThat(html)
        .contains("<title>Daily build &lt;b1&gt;</title>")
        .contains("<p class=\"bad\">failed after 1 h 03 min, 4 stages</p>")
        .contains("<tr><td>download</td><td class=\"done\">done</td><td>1 min 05 s</td>")
        .contains("<td class=\"failed\">failed</td><td>1 h 02 min</td>")
        .contains("<a href=\"stage-download.log\">stage-download.log</a>")
        .contains(
            "<a href=\"stage-build-packages.log\">stage-build-packages.log</a><br>"
                + "<a href=\"packages/report.html\">package build report</a>")
        .doesNotContain("<script")
        .doesNotContain("://");
    assertThat(html.split("<tr><td>", -1)).hasSize(stages.size() + 1);
    // the longest stage's bar is full width, the others in proportion
    assertThat(html).contains("<rect width=\"240\" height=\"12\" fill=\"#c8312b\"/>");
    assertThat(html).contains("<rect width=\"4\" height=\"12\"");
    assertThat(DailyReportPage.summary(stages))
        .isEqualTo("daily build failed after 1 h 03 min, 4 stages");
  }
}
