package org.starlingx.stxbuild.engine.packagebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportLinkTest {
  @TempDir Path dir;

  @Test
  void readsBackWhatItWrote() throws Exception {
    ReportLink link =
        new ReportLink(
            "9 built, 1 reused, 0 failed, 0 skipped in 42.0 s",
            "https://pulp.example/pulp/content/stx-logs-b1/report.html",
            true);
    link.write(dir.resolve("sub/report-link.properties"));

    assertThat(ReportLink.parse(Files.readString(dir.resolve("sub/report-link.properties"))))
        .contains(link);
  }

  @Test
  void aFileWithoutSummaryOrReportIsNoLink() {
    assertThat(ReportLink.parse("summary=x\n")).isEmpty();
    assertThat(ReportLink.parse("\\u12")).isEmpty();
  }
}
