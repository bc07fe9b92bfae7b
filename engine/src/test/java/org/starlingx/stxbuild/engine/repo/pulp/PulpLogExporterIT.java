package org.starlingx.stxbuild.engine.repo.pulp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.logs.StepLog;
import org.starlingx.stxbuild.engine.packagebuild.BuildReportPage;
import org.starlingx.stxbuild.engine.packagebuild.LogTail;
import org.starlingx.stxbuild.engine.packagebuild.PackageBuildReport;
import org.starlingx.stxbuild.engine.schedule.ScheduleReport;
import org.starlingx.stxbuild.engine.schedule.TaskAttempt;
import org.starlingx.stxbuild.engine.schedule.TaskResult;
import org.starlingx.stxbuild.testenv.pulp.PulpEndpoint;
import org.starlingx.stxbuild.testenv.pulp.PulpServerExtension;

/** Step logs exported into the real Pulp are plain files a browser can fetch, with an index. */
@ExtendWith(PulpServerExtension.class)
class PulpLogExporterIT {
  @TempDir Path work;
  private PulpClient pulp;
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void deleteWhatTheTestCreated() {
    PulpTestClients.deleteLabelled(pulp, "stx.run=" + run);
  }

  @Test
  void logsAndTheirIndexAreServedByTheContentApp(PulpEndpoint endpoint) throws Exception {
    pulp = PulpTestClients.connect(endpoint);
    Path download = Files.writeString(work.resolve("a.log"), "downloaded 3 files " + run + "\n");
    Path build = Files.writeString(work.resolve("b.log"), "dpkg-buildpackage failed " + run + "\n");

    URI index =
        new PulpLogExporter(pulp, work.resolve("scratch"))
            .export(
                "logs-" + run + "-b1",
                Map.of("stx.run", run),
                List.of(
                    new StepLog("download.log", download, "success"),
                    new StepLog("build-packages.log", build, "failed")));

    String html = Files.readString(pulp.download(index, work.resolve("index.html")));
    assertThat(html).contains("href=\"download.log\"", "href=\"build-packages.log\"", "failed");
    Path fetched = pulp.download(index.resolve("build-packages.log"), work.resolve("fetched.log"));
    assertThat(fetched).hasSameTextualContentAs(build);
    assertThat(pulp.files().repositories().labelled("stx.role=log,stx.run=" + run)).hasSize(1);
  }

  @Test
  void aBuildReportServedByTheContentAppReachesItsLogs(PulpEndpoint endpoint) throws Exception {
    pulp = PulpTestClients.connect(endpoint);
    Path log =
        Files.writeString(work.resolve("libbad.log"), "make: *** [all] Error 2 " + run + "\n");
    ScheduleReport schedule =
        new ScheduleReport(
            List.of(
                new TaskResult("libbad", TaskResult.State.FAILED, 1, "worker-1", 900, "exited 2")),
            1000,
            List.of(
                new TaskAttempt(
                    "libbad", 1, "worker-1", 100, 1000, TaskAttempt.Kind.FAILED, "exited 2")),
            Map.of("libbad", java.util.Set.of()),
            1);
    Path report =
        Files.writeString(
            work.resolve("report.html"),
            BuildReportPage.render(
                new PackageBuildReport(
                    "Package build " + run,
                    schedule,
                    Map.of(),
                    Map.of(),
                    java.util.Set.of("libbad"),
                    Map.of("libbad", LogTail.of(log)))));

    URI index =
        new PulpLogExporter(pulp, work.resolve("scratch"))
            .export(
                "logs-" + run + "-b2",
                Map.of("stx.run", run),
                List.of(
                    new StepLog("libbad.log", log, "failed"),
                    new StepLog("report.html", report, "report")));

    String html =
        Files.readString(pulp.download(index.resolve("report.html"), work.resolve("served.html")));
    assertThat(html).contains("Error 2 " + run); // the log's tail, in the page
    java.util.regex.Matcher link =
        java.util.regex.Pattern.compile("<a href=\"([^\"#]+)\">libbad.log</a>").matcher(html);
    assertThat(link.find()).isTrue();
    Path fetched =
        pulp.download(
            index.resolve("report.html").resolve(link.group(1)), work.resolve("linked.log"));
    assertThat(fetched).hasSameTextualContentAs(log);
  }
}
