package org.starlingx.stxbuild.engine.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.exec.CommandRunner;
import org.starlingx.stxbuild.engine.schedule.AbortSignal;
import org.starlingx.stxbuild.engine.schedule.TaskOutcome;

/**
 * A real dpkg-buildpackage run by the local worker: failures are reported, abort leaves nothing.
 */
class LocalProcessWorkerTest {
  @TempDir Path work;

  private Path sourcePackage(String name, String buildCommand) throws IOException {
    return sourcePackage(name, buildCommand, "true");
  }

  private Path sourcePackage(String name, String buildCommand, String installCommand)
      throws IOException {
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
        "#!/usr/bin/make -f\n%:\n\tdh $@\noverride_dh_auto_build:\n\t"
            + buildCommand
            + "\noverride_dh_auto_install:\n\t"
            + installCommand
            + "\n");
    src.resolve("debian/rules").toFile().setExecutable(true);
    CommandRunner.run(work, List.of("dpkg-source", "-b", src.getFileName().toString()));
    return work.resolve(name + "_1.0.dsc");
  }

  @Test
  void aBuildDepDebIsUnpackedUnderStxDepsRootAndTheDebsAreCollected() throws Exception {
    LocalProcessWorker worker = new LocalProcessWorker(work.resolve("builds"));
    Path libDsc =
        sourcePackage(
            "libvalue",
            "true",
            "mkdir -p debian/libvalue/usr/share/libvalue"
                + " && echo 42 > debian/libvalue/usr/share/libvalue/answer");
    PackageWorker.Result lib =
        worker.build(
            new PackageBuildRequest(
                "libvalue", libDsc, List.of(), null, work.resolve("logs/libvalue.log")),
            "worker-1",
            new AbortSignal());
    assertThat(lib.outcome()).isInstanceOf(TaskOutcome.Built.class);
    assertThat(lib.debs()).singleElement().asString().endsWith("libvalue_1.0_all.deb");

    Path appDsc =
        sourcePackage(
            "appvalue",
            "test -f $(STX_DEPS_ROOT)/usr/share/libvalue/answer",
            "mkdir -p debian/appvalue/usr/share/appvalue"
                + " && cp $(STX_DEPS_ROOT)/usr/share/libvalue/answer"
                + " debian/appvalue/usr/share/appvalue/copied");
    PackageWorker.Result app =
        worker.build(
            new PackageBuildRequest(
                "appvalue", appDsc, lib.debs(), null, work.resolve("logs/appvalue.log")),
            "worker-2",
            new AbortSignal());
    assertThat(app.outcome()).isInstanceOf(TaskOutcome.Built.class);
    Path unpacked = work.resolve("unpacked");
    CommandRunner.run(
        work, List.of("dpkg-deb", "-x", app.debs().get(0).toString(), unpacked.toString()));
    assertThat(unpacked.resolve("usr/share/appvalue/copied")).content().isEqualTo("42\n");
  }

  @Test
  void aFailingBuildIsABuildFailureWithTheLogTail() throws Exception {
    Path dsc = sourcePackage("broken", "echo compiler says no && exit 7");
    PackageWorker.Result result =
        new LocalProcessWorker(work.resolve("builds"))
            .build(
                new PackageBuildRequest(
                    "broken", dsc, List.of(), null, work.resolve("logs/broken.log")),
                "worker-1",
                new AbortSignal());
    assertThat(result.outcome())
        .isInstanceOfSatisfying(
            TaskOutcome.Failed.class,
            f -> assertThat(f.reason()).contains("dpkg-buildpackage exited", "broken.log"));
    assertThat(work.resolve("logs/broken.log")).content().contains("compiler says no");
  }

  @Test
  void abortStopsTheBuildAndEveryProcessItStarted() throws Exception {
    String marker = "stx-abort-marker-" + System.nanoTime();
    Path dsc = sourcePackage("slow", "sh -c 'sleep 300; echo " + marker + "'");
    AbortSignal abort = new AbortSignal();
    var pool = Executors.newSingleThreadExecutor();
    try {
      Future<PackageWorker.Result> running =
          pool.submit(
              () ->
                  new LocalProcessWorker(work.resolve("builds"))
                      .build(
                          new PackageBuildRequest(
                              "slow", dsc, List.of(), null, work.resolve("logs/slow.log")),
                          "worker-1",
                          abort));
      Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> processesWith(marker) > 0);
      abort.abort();
      assertThat(running.get(30, TimeUnit.SECONDS).outcome())
          .isInstanceOf(TaskOutcome.Failed.class);
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> processesWith(marker) == 0);
    } finally {
      pool.shutdownNow();
    }
  }

  private static long processesWith(String marker) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
        .count();
  }
}
