package org.starlingx.stxbuild.engine.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.chroot.ChrootBuildOptions;
import org.starlingx.stxbuild.engine.chroot.ChrootCache;
import org.starlingx.stxbuild.engine.chroot.CleanEnvironment;
import org.starlingx.stxbuild.engine.demo.DemoJob;
import org.starlingx.stxbuild.engine.exec.CommandRunner;
import org.starlingx.stxbuild.engine.exec.LogTail;
import org.starlingx.stxbuild.engine.exec.LoggedProcess;
import org.starlingx.stxbuild.engine.schedule.AbortSignal;
import org.starlingx.stxbuild.engine.schedule.BuildScheduler;
import org.starlingx.stxbuild.engine.schedule.BuildTask;
import org.starlingx.stxbuild.engine.schedule.DurationEstimates;
import org.starlingx.stxbuild.engine.schedule.ScheduleReport;
import org.starlingx.stxbuild.engine.schedule.SchedulerOptions;
import org.starlingx.stxbuild.engine.schedule.TaskOutcome;
import org.starlingx.stxbuild.engine.schedule.TaskResult;

/**
 * A real dpkg-buildpackage in the isolated (chroot) worker under its limits: a hanging package is
 * stopped at its timeout (its whole process group) and its dependents skipped, a flood of output is
 * capped, and the build sees only the environment it is given, none of the caller's.
 */
class ChrootWorkerLimitsIT {
  @TempDir Path work;

  private Path sourcePackage(String name, String buildCommand) throws IOException {
    Path src = work.resolve(name + "-1.0");
    Files.createDirectories(src.resolve("debian/source"));
    Files.writeString(src.resolve("debian/source/format"), "3.0 (native)\n");
    Files.writeString(
        src.resolve("debian/control"),
        "Source: "
            + name
            + "\nMaintainer: T <t@example.invalid>\nBuild-Depends: debhelper-compat (= 13)\n\nPackage: "
            + name
            + "\nArchitecture: all\nDescription: test\n test.\n");
    Files.writeString(
        src.resolve("debian/changelog"),
        name
            + " (1.0) unstable; urgency=medium\n\n  * Test.\n\n -- T <t@example.invalid>  Sat, 01 Jan 2000 00:00:00 +0000\n");
    Files.writeString(
        src.resolve("debian/rules"),
        "#!/usr/bin/make -f\n%:\n\tdh $@\noverride_dh_auto_build:\n\t" + buildCommand + "\n");
    src.resolve("debian/rules").toFile().setExecutable(true);
    CommandRunner.run(work, List.of("dpkg-source", "-b", src.getFileName().toString()));
    return work.resolve(name + "_1.0.dsc");
  }

  private PackageWorker.Result build(String name, Path dsc, WorkerLimits limits)
      throws InterruptedException {
    return new ChrootPackageWorker(
            work.resolve("builds"),
            new ChrootCache(ChrootCache.defaultRoot(), Duration.ofDays(7)),
            ChrootBuildOptions.of(DemoJob.DIST),
            limits)
        .build(
            new PackageBuildRequest(
                name, dsc, List.of(), null, work.resolve("logs/" + name + ".log")),
            "worker-1",
            new AbortSignal());
  }

  @Test
  void aHangingPackageIsStoppedAtItsTimeoutWithItsProcessGroupAndItsDependentsAreSkipped()
      throws Exception {
    String marker = "stx-hang-marker-" + System.nanoTime();
    // A child that ignores SIGTERM and a grandchild in the background: the whole group must go.
    Path dsc =
        sourcePackage(
            "hang", "sh -c 'trap \"\" TERM; (sleep 600; echo " + marker + ") & sleep 600'");
    WorkerLimits limits = new WorkerLimits(Duration.ofSeconds(5), 1 << 20);
    ScheduleReport report =
        new BuildScheduler(SchedulerOptions.workers(2), new DurationEstimates(1000))
            .run(
                List.of(
                    new BuildTask("hang", java.util.Set.of()),
                    new BuildTask("app", java.util.Set.of("hang"))),
                (id, attempt, worker, abort) -> build(id, dsc, limits).outcome(),
                new AbortSignal(),
                r -> {});
    TaskResult hang = report.results().get(0);
    assertThat(hang.state()).isEqualTo(TaskResult.State.FAILED);
    assertThat(hang.reason()).contains("timed out after PT5S (--timeout)");
    assertThat(report.results().get(1).state()).isEqualTo(TaskResult.State.SKIPPED);
    assertThat(report.results().get(1).reason()).contains("needs hang", "timed out");
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> processesWith(marker) == 0);
  }

  @Test
  void aFloodOfOutputIsCappedAndTheLogAndItsTailSaySo() throws Exception {
    Path dsc = sourcePackage("chatty", "yes 0123456789abcdef | head -c 20000000");
    PackageWorker.Result result =
        build("chatty", dsc, new WorkerLimits(Duration.ofMinutes(5), 100_000));
    assertThat(result.outcome()).isInstanceOf(TaskOutcome.Built.class);
    Path log = work.resolve("logs/chatty.log");
    assertThat(Files.size(log)).isLessThan(120_000);
    assertThat(LogTail.truncated(log)).isTrue();
    assertThat(Files.readString(log)).contains(LoggedProcess.TRUNCATED + "100000 bytes");
  }

  @Test
  void theBuildSeesOnlyItsOwnEnvironment() throws Exception {
    Path dsc = sourcePackage("envdump", "env | sed 's/^/ENV: /'");
    PackageWorker.Result result = build("envdump", dsc, WorkerLimits.DEFAULT);
    assertThat(result.outcome()).isInstanceOf(TaskOutcome.Built.class);
    String log = Files.readString(work.resolve("logs/envdump.log"));
    assertThat(log).contains("ENV: PATH=" + CleanEnvironment.PATH + "\n");
    // Every variable of this JVM's environment (the caller's) stays out, unless dpkg sets it.
    for (Map.Entry<String, String> inherited : System.getenv().entrySet()) {
      if (inherited.getValue().length() > 3
          && !CleanEnvironment.build(false, 1).containsKey(inherited.getKey())) {
        assertThat(log)
            .doesNotContain("ENV: " + inherited.getKey() + "=" + inherited.getValue() + "\n");
      }
    }
  }

  private static long processesWith(String marker) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
        .count();
  }
}
