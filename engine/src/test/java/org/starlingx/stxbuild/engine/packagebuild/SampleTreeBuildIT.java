package org.starlingx.stxbuild.engine.packagebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.apt.PrivateAptRoot;
import org.starlingx.stxbuild.engine.repo.SessionNames;
import org.starlingx.stxbuild.engine.repo.local.LocalPackageRepository;
import org.starlingx.stxbuild.engine.schedule.AbortSignal;
import org.starlingx.stxbuild.engine.schedule.ScheduleReport;
import org.starlingx.stxbuild.engine.schedule.TaskResult;
import org.starlingx.stxbuild.engine.source.StxSourceTree;
import org.starlingx.stxbuild.engine.workers.LocalProcessWorker;

/**
 * The sample StarlingX tree built for real with local workers (dpkg-buildpackage) into the local
 * repository: every package builds in dependency order, a second run reuses everything, a changed
 * library rebuilds exactly its dependents, and a broken package skips only what needs it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleTreeBuildIT {
  @TempDir static Path work;
  private static final BuildSettings BOTH_TYPES =
      new BuildSettings("bullseye", List.of("std", "rt"), "amd64", 2, 0, false);

  private static int run = 0;

  private static PackageBuild.Outcome build(Path tree) throws Exception {
    run++;
    PackageBuild build =
        new PackageBuild(
            StxSourceTree.open(tree),
            new LocalPackageRepository(work.resolve("repo"), List.of("amd64"), null),
            SampleTree.mirror(work.resolve("mirror")),
            new LocalProcessWorker(work.resolve("builds")),
            work.resolve("work"),
            BuildProgress.SILENT);
    return build.run(
        new SessionNames("sample-master", "sample-master-b" + run, Map.of("stx.run", "it")),
        BOTH_TYPES,
        new AbortSignal());
  }

  private static Path tree() throws Exception {
    Path tree = work.resolve("tree");
    if (!Files.exists(tree)) {
      SampleTree.copyTo(tree);
    }
    return tree;
  }

  @Test
  @Order(1)
  void everyPackageBuildsInDependencyOrderAndAptReadsTheResult() throws Exception {
    PackageBuild.Outcome outcome = build(tree());

    ScheduleReport report = outcome.report();
    assertThat(report.results()).hasSize(10);
    assertThat(report.count(TaskResult.State.BUILT)).as(report.toString()).isEqualTo(10);
    List<String> order = report.results().stream().map(TaskResult::id).toList();
    assertThat(order.indexOf("libstxsample")).isLessThan(order.indexOf("stx-hello"));
    assertThat(order.indexOf("stx-sample-tools")).isLessThan(order.indexOf("stx-sample-config"));
    assertThat(order.indexOf("stx-sample-config")).isLessThan(order.indexOf("stx-sample-platform"));
    assertThat(outcome.reportPage()).content().contains("10 built, 0 reused");
    assertThat(outcome.logs().resolve("stx-hello.log")).content().contains("dpkg-buildpackage");

    PrivateAptRoot apt =
        new PrivateAptRoot(work.resolve("apt")).sources(outcome.source().orElseThrow());
    apt.update();
    Path hello = apt.download("stx-hello");
    assertThat(hello.getFileName().toString()).startsWith("stx-hello_2.0-1_");
  }

  @Test
  @Order(2)
  void aSecondRunRebuildsNothing() throws Exception {
    ScheduleReport report = build(tree()).report();
    assertThat(report.count(TaskResult.State.REUSED)).as(report.toString()).isEqualTo(10);
    assertThat(report.count(TaskResult.State.BUILT)).isZero();
  }

  @Test
  @Order(3)
  void aChangedLibraryRebuildsItselfAndWhatIsBuiltAgainstIt() throws Exception {
    Path source = tree().resolve("integ/base/libstxsample/src/stxsample.c");
    Files.writeString(source, Files.readString(source).replace("return 21;", "return 22;"));

    ScheduleReport report = build(tree()).report();
    assertThat(report.results())
        .filteredOn(r -> r.state() == TaskResult.State.BUILT)
        .extracting(TaskResult::id)
        .containsExactlyInAnyOrder(
            "libstxsample", "stx-hello", "stx-sample-kmod-rt", "stx-sample-platform");
    assertThat(report.count(TaskResult.State.REUSED)).isEqualTo(6);
  }

  @Test
  @Order(4)
  void aBrokenPackageSkipsOnlyItsDependentsAndTheLastGoodBuildStays() throws Exception {
    Path rules = tree().resolve("utilities/tools/stx-sample-tools/debian/deb_folder/rules");
    Files.writeString(
        rules, Files.readString(rules).replace("stx_banner tools", "exit 3; stx_banner tools"));

    PackageBuild.Outcome outcome = build(tree());
    Map<String, TaskResult> results = outcome.report().byId();
    assertThat(results.get("stx-sample-tools").state()).isEqualTo(TaskResult.State.FAILED);
    assertThat(results.get("stx-sample-config").state()).isEqualTo(TaskResult.State.SKIPPED);
    assertThat(results.get("stx-sample-config").reason())
        .startsWith("skipped: needs stx-sample-tools, which failed: dpkg-buildpackage exited");
    assertThat(results.get("stx-sample-platform").state()).isEqualTo(TaskResult.State.SKIPPED);
    assertThat(results.get("stx-hello").state()).isEqualTo(TaskResult.State.REUSED);
    assertThat(outcome.source()).isEmpty();
    assertThat(
            new LocalPackageRepository(work.resolve("repo"), List.of("amd64"), null)
                .branchSource("sample-master"))
        .as("the last good build is still served")
        .isPresent();
  }
}
