package org.starlingx.stxbuild.engine.packagebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.schedule.AbortSignal;
import org.starlingx.stxbuild.engine.schedule.BuildScheduler;
import org.starlingx.stxbuild.engine.schedule.BuildTask;
import org.starlingx.stxbuild.engine.schedule.DurationEstimates;
import org.starlingx.stxbuild.engine.schedule.ScheduleReport;
import org.starlingx.stxbuild.engine.schedule.SchedulerOptions;
import org.starlingx.stxbuild.engine.schedule.TaskAttempt;
import org.starlingx.stxbuild.engine.schedule.TaskOutcome;

class BuildReportPageTest {
  @TempDir Path logs;

  /**
   * A real scheduler run: libbad fails (its dependents are skipped), flaky fails once and builds on
   * its retry, evicted loses its worker once, libold is reused.
   */
  private PackageBuildReport buildWithEverything() throws Exception {
    List<BuildTask> tasks =
        List.of(
            new BuildTask("libold", Set.of()),
            new BuildTask("libbad", Set.of()),
            new BuildTask("flaky", Set.of("libold")),
            new BuildTask("evicted", Set.of()),
            new BuildTask("app", Set.of("libbad")),
            new BuildTask("app-plugin", Set.of("app")),
            new BuildTask("final", Set.of("flaky", "evicted")));
    Map<String, String> placements = new ConcurrentHashMap<>();
    ScheduleReport report =
        new BuildScheduler(
                SchedulerOptions.workers(2).withRetriesOnFailure(1), new DurationEstimates(10))
            .run(
                tasks,
                (id, attempt, worker, abort) -> {
                  placements.put(
                      TaskAttempt.key(id, attempt),
                      "pod pkg-" + id + " on node kwok-node-" + attempt);
                  Thread.sleep(id.equals("libold") ? 1 : 30);
                  return switch (id) {
                    case "libold" -> new TaskOutcome.Reused("inputs unchanged");
                    case "libbad" -> new TaskOutcome.Failed("dpkg-buildpackage exited 2");
                    case "flaky" ->
                        attempt == 1
                            ? new TaskOutcome.Failed("test suite timed out")
                            : new TaskOutcome.Built(List.of());
                    case "evicted" ->
                        attempt == 1
                            ? new TaskOutcome.InfrastructureFailure(
                                TaskOutcome.Kind.EVICTED, "node low on memory")
                            : new TaskOutcome.Built(List.of());
                    default -> new TaskOutcome.Built(List.of());
                  };
                },
                new AbortSignal(),
                r -> {});
    List<String> log = new ArrayList<>();
    for (int i = 1; i <= 500; i++) {
      log.add("compiling unit " + i);
    }
    log.add("error: <stdio.h> & friends missing");
    log.add("dh_auto_build: error: make -j2 returned exit code 2");
    Files.write(logs.resolve("libbad.log"), log, StandardCharsets.UTF_8);
    return new PackageBuildReport(
        "Package build stx-master-b2",
        report,
        placements,
        Map.of("libold", "stx-master-b1"),
        Set.of("libbad", "flaky", "evicted", "final"),
        Map.of("libbad", LogTail.of(logs.resolve("libbad.log"))));
  }

  @Test
  void failuresComeFirstWithTheirReasonAndTheEndOfTheirLog() throws Exception {
    String html = BuildReportPage.render(buildWithEverything());
    // kept for a look in a browser (and the screenshot test's neighbour)
    Path kept = Path.of("target", "report-samples", "unit-build.html");
    Files.createDirectories(kept.getParent());
    Files.writeString(kept, html);

    assertThat(html).contains("3 built, 1 reused, 1 failed, 2 skipped");
    int failures = html.indexOf("<h2 id=\"failures\">Failed (1)</h2>");
    assertThat(failures).isPositive();
    assertThat(failures).isLessThan(html.indexOf("<h2 id=\"skipped\">"));
    assertThat(html.indexOf("<h2 id=\"skipped\">")).isLessThan(html.indexOf("id=\"timeline\""));
    String failure = html.substring(failures, html.indexOf("</div>", failures));
    assertThat(failure)
        .contains("<h3>libbad</h3>")
        .contains("dpkg-buildpackage exited 2")
        .contains("<a href=\"libbad.log\">")
        .contains("dh_auto_build: error: make -j2 returned exit code 2")
        .contains("error: &lt;stdio.h&gt; &amp; friends missing")
        .contains("compiling unit 500")
        .doesNotContain("compiling unit 400\n")
        .contains("2 runs; run 1 on worker-")
        .contains("pod pkg-libbad on node kwok-node-2");
  }

  @Test
  void skippedPackagesNameThePackageTheyWaitedFor() throws Exception {
    String html = BuildReportPage.render(buildWithEverything());

    String skipped =
        html.substring(html.indexOf("<h2 id=\"skipped\">"), html.indexOf("id=\"timeline\""));
    assertThat(skipped)
        .contains("<tr><td>app</td><td class=\"FAILED\"><a href=\"#failed-libbad\">libbad</a>")
        .contains(
            "<tr><td>app-plugin</td><td class=\"FAILED\"><a href=\"#failed-libbad\">libbad</a>")
        .contains("needs app, which was skipped because libbad failed");
  }

  @Test
  void theTimelineHasALanePerWorkerABarPerRunAndMarksRetriesWorkerFailuresAndTheCriticalPath()
      throws Exception {
    PackageBuildReport build = buildWithEverything();
    String html = BuildReportPage.render(build);
    String svg =
        html.substring(html.indexOf("<svg class=\"timeline\""), html.indexOf("</svg>") + 6);

    // 5 packages ran (app and app-plugin were skipped), libbad, flaky and evicted twice
    assertThat(build.schedule().attempts()).hasSize(8);
    assertThat(count(svg, "<rect x=\"[0-9.]+\" y=\"[0-9]+\" width=\"[0-9.]+\" height=\"18\""))
        .isEqualTo(build.schedule().attempts().size());
    assertThat(svg).contains(">worker-1</text>").contains(">worker-2</text>");
    assertThat(count(svg, "class=\"bar infrastructure_failure\" fill=\"url\\(#infra\\)\""))
        .isEqualTo(1);
    assertThat(count(svg, "stroke-dasharray=\"4 2\"/>")).isEqualTo(3); // the second runs
    assertThat(svg).contains("flaky (run 1)").contains("test suite timed out");
    assertThat(svg).contains("evicted (run 1) on worker-").contains("EVICTED: node low on memory");
    CriticalPath critical = CriticalPath.of(build.schedule());
    assertThat(critical.packages()).last().isEqualTo("final");
    assertThat(critical.packages()).containsAnyOf("flaky", "evicted");
    assertThat(svg).contains("final (run 1)").contains("[critical path]");
    assertThat(html).contains("Critical path (" + critical.packages().size() + " packages");
  }

  @Test
  void reusedPackagesNameTheBuildTheyCameFromAndTotalsAddUp() throws Exception {
    PackageBuildReport build = buildWithEverything();
    String html = BuildReportPage.render(build);

    assertThat(html).contains("<tr><td>libold</td><td>stx-master-b1</td></tr>");
    String totals = html.substring(html.indexOf("id=\"totals\""), html.indexOf("id=\"graph\""));
    assertThat(totals)
        .contains("<tr><td>built</td><td>3</td></tr>")
        .contains("<tr><td>reused</td><td>1</td></tr>")
        .contains("<tr><td>failed</td><td>1</td></tr>")
        .contains("<tr><td>skipped</td><td>2</td></tr>")
        .contains("<tr><td>runs</td><td>8 (3 retries, 1 worker failures)</td></tr>")
        .contains("wall time")
        .contains("sum of package times")
        .containsPattern("worker utilisation</td><td>[0-9]+ % of 2 workers");
    assertThat(html).contains("<th>node/pod</th>").contains("pod pkg-final on node kwok-node-1");
  }

  @Test
  void aSmallGraphIsDrawnByBuildLevel() throws Exception {
    String html = BuildReportPage.render(buildWithEverything());
    String svg = html.substring(html.indexOf("<svg class=\"graph\""));
    svg = svg.substring(0, svg.indexOf("</svg>"));

    assertThat(count(svg, "<g><title>")).isEqualTo(7);
    assertThat(count(svg, "marker-end=\"url\\(#arrow\\)\"")).isEqualTo(5);
    assertThat(svg).contains(">app-plugin</text>").contains("app-plugin: skipped");
  }

  @Test
  void aBuildOfThreeHundredPackagesStaysUnderTwoMegabytesAndReferencesNothingElsewhere() {
    SimulatedBuild.Result simulated = SimulatedBuild.run(300, 8, 42);
    Map<String, List<String>> tails = new java.util.HashMap<>();
    List<String> longLines = new ArrayList<>();
    for (int i = 0; i < LogTail.LINES; i++) {
      longLines.add("x".repeat(LogTail.LINE_CHARS) + " [...]");
    }
    simulated.report().results().stream()
        .filter(r -> r.state() == org.starlingx.stxbuild.engine.schedule.TaskResult.State.FAILED)
        .forEach(r -> tails.put(r.id(), longLines));
    Set<String> withLogs = new java.util.HashSet<>(simulated.report().dependsOn().keySet());
    String html =
        BuildReportPage.render(
            new PackageBuildReport(
                "Package build stx-master-b8",
                simulated.report(),
                simulated.placements(),
                simulated.reusedFrom(),
                withLogs,
                tails));

    int bytes = html.getBytes(StandardCharsets.UTF_8).length;
    try {
      Files.createDirectories(Path.of("target", "report-samples"));
      Files.writeString(Path.of("target", "report-samples", "simulated-300.html"), html);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    System.out.printf(
        "report of 300 packages, %d runs, %d failed: %d bytes%n",
        simulated.report().attempts().size(), tails.size(), bytes);
    assertThat(tails).isNotEmpty();
    assertThat(bytes).isLessThan(2 * 1024 * 1024);
    assertThat(html)
        .doesNotContainIgnoringCase("<script")
        .doesNotContainIgnoringCase("<link")
        .doesNotContain("@import")
        .doesNotContain("@font-face")
        .doesNotContain("<img")
        .doesNotContain("<iframe");
    Matcher refs = Pattern.compile("(?:href|src)=\"([^\"]*)\"|url\\(([^)]*)\\)").matcher(html);
    int links = 0;
    while (refs.find()) {
      String ref = refs.group(1) != null ? refs.group(1) : refs.group(2);
      assertThat(ref)
          .as("a reference in the page")
          .matches("#[A-Za-z0-9_.+-]+|[A-Za-z0-9_.+-]+\\.log");
      links++;
    }
    assertThat(links).isGreaterThan(300);
    // the only absolute URL is the SVG namespace, which a browser never fetches
    assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("://");
    assertThat(html).contains("The graph has 300 packages, more than the 60");
  }

  private static int count(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
