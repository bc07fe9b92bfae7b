package org.starlingx.stxbuild.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.starlingx.stxbuild.engine.packagebuild.ReportLink;

class StxBuildReportActionTest {
  @Test
  void aPublishedReportIsLinkedFromTheSidePanel() {
    StxBuildReportAction action =
        new StxBuildReportAction(
            new ReportLink(
                "9 built, 1 reused, 0 failed, 0 skipped in 42.0 s",
                "https://pulp.example/pulp/content/stx-logs-b1/report.html",
                true));

    assertThat(action.isLinkable()).isTrue();
    assertThat(action.getUrlName())
        .isEqualTo("https://pulp.example/pulp/content/stx-logs-b1/report.html");
    assertThat(action.getIconFileName()).isNotNull();
    assertThat(action.getSummary()).isEqualTo("9 built, 1 reused, 0 failed, 0 skipped in 42.0 s");
  }

  @Test
  void aReportLeftOnTheNodeIsNamedNotLinked() {
    StxBuildReportAction action =
        new StxBuildReportAction(
            new ReportLink("1 failed", "file:/home/jenkins/agent/ws/report.html", false));

    assertThat(action.isLinkable()).isFalse();
    assertThat(action.getUrlName()).isNull();
    assertThat(action.getIconFileName()).isNull();
  }

  @Test
  void theBuildPageShowsTheSummaryLineEscaped() throws Exception {
    try (InputStream jelly =
        StxBuildReportAction.class.getResourceAsStream("StxBuildReportAction/summary.jelly")) {
      String view = new String(jelly.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(view)
          .contains("escape-by-default='true'")
          .contains("${it.summary}")
          .contains("<a href=\"${it.report}\">");
    }
  }
}
