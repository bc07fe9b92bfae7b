package org.starlingx.stxbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.deb.BinaryPackageSpec;
import org.starlingx.stxbuild.engine.deb.DebArchiveBuilder;
import org.starlingx.stxbuild.engine.repo.RepoSession;
import org.starlingx.stxbuild.engine.repo.SessionNames;
import org.starlingx.stxbuild.engine.repo.local.LocalPackageRepository;

class PublishAndLogsCommandTest {
  @TempDir Path work;

  @Test
  void publishPromotesTheBranchsLastGoodBuild() {
    Path repo = work.resolve("repo");
    LocalPackageRepository repository = new LocalPackageRepository(repo, List.of("amd64"), null);
    Path deb =
        new DebArchiveBuilder(work.resolve("stage"))
            .build(
                new BinaryPackageSpec("stx-p", "1.0", "all", "p", Map.of()), work.resolve("out"));
    try (RepoSession session =
        repository.openSession(new SessionNames("main", "main-b1", Map.of()))) {
      session.addPackages(List.of(deb));
      session.complete();
    }

    String out =
        run("publish", "--repo", repo.toString(), "--branch", "main", "--release", "stx-10");

    assertThat(out).contains("Released main as stx-10", "release-stx-10");
    assertThat(repository.releaseSource("stx-10")).isPresent();
  }

  @Test
  void publishingABranchWithoutAGoodBuildFailsWithExitOne() {
    CliRun run =
        CliRun.of(
            "publish",
            "--repo",
            work.resolve("empty").toString(),
            "--branch",
            "x",
            "--release",
            "r");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("branch 'x' has no good build");
  }

  @Test
  void logsExportsEveryLogWithAnIndex() throws Exception {
    Path logs = Files.createDirectories(work.resolve("logs"));
    Files.writeString(logs.resolve("download.log"), "ok\n");
    Files.writeString(logs.resolve("build.log"), "ok\n");

    String out =
        run(
            "logs",
            "--repo",
            work.resolve("repo").toString(),
            "--session",
            "main-b1",
            logs.toString());

    assertThat(out).contains("Exported 2 log(s)", "index.html");
    assertThat(work.resolve("repo/logs/main-b1/build.log")).exists();
  }

  @Test
  void aPackageBuildsReportGoesWithItsLogs() throws Exception {
    Path logs = Files.createDirectories(work.resolve("build-logs"));
    Files.writeString(logs.resolve("stx-hello.log"), "dpkg-buildpackage\n");
    Files.writeString(logs.resolve("report.html"), "<a href=\"stx-hello.log\">stx-hello.log</a>");

    String out =
        run(
            "logs",
            "--repo",
            work.resolve("repo").toString(),
            "--session",
            "main-b2",
            logs.toString());

    assertThat(out).contains("Exported 1 log(s)").contains("report: ").contains("report.html");
    assertThat(work.resolve("repo/logs/main-b2/report.html")).content().contains("stx-hello.log");
    assertThat(work.resolve("repo/logs/main-b2/stx-hello.log")).exists();
  }

  private static String run(String... args) {
    CliRun run = CliRun.of(args);
    assertThat(run.exit()).isZero();
    return run.out();
  }
}
