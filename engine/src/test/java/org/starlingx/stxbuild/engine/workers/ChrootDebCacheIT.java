package org.starlingx.stxbuild.engine.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.chroot.ChrootBuildOptions;
import org.starlingx.stxbuild.engine.chroot.ChrootCache;
import org.starlingx.stxbuild.engine.chroot.ChrootSpec;
import org.starlingx.stxbuild.engine.demo.DemoJob;
import org.starlingx.stxbuild.engine.exec.CommandRunner;
import org.starlingx.stxbuild.engine.schedule.AbortSignal;
import org.starlingx.stxbuild.engine.schedule.TaskOutcome;

/**
 * A Debian build-dep outside the chroot's seed is downloaded once per codename: the first build
 * fetches it from the mirror and leaves it in the codename's {@code .deb} cache, the next build
 * (another build directory, its own overlay) installs it from there without a download. Prints both
 * builds' wall times.
 */
class ChrootDebCacheIT {
  /** Small, in every codename, neither in the seed nor pulled in by it. */
  private static final String BUILD_DEP = "libyaml-dev";

  @TempDir Path work;

  @Test
  void aDebianBuildDepIsDownloadedOnceAndThenTakenFromTheCodenamesCache() throws Exception {
    ChrootCache cache = new ChrootCache(ChrootCache.defaultRoot(), Duration.ofDays(7));
    ChrootSpec spec = ChrootBuildOptions.of(DemoJob.DIST).chroot();
    Path debCache = cache.prepare(spec, false).debCache();
    // Earlier runs left it there: take it out so that the first build must download it.
    for (Path cached : cachedBuildDep(debCache)) {
      Files.delete(cached);
    }
    Path dsc = sourcePackage("stx-debcache");

    long first = System.nanoTime();
    assertThat(build(cache, dsc, "first")).isInstanceOf(TaskOutcome.Built.class);
    double firstSeconds = (System.nanoTime() - first) / 1e9;
    assertThat(Files.readString(log("first"))).containsPattern("Get:\\d+ \\S+ .*" + BUILD_DEP);
    assertThat(cachedBuildDep(debCache)).hasSize(1);

    long second = System.nanoTime();
    assertThat(build(cache, dsc, "second")).isInstanceOf(TaskOutcome.Built.class);
    double secondSeconds = (System.nanoTime() - second) / 1e9;
    String secondLog = Files.readString(log("second"));
    assertThat(secondLog).contains("Unpacking " + BUILD_DEP).doesNotContain("Get:");
    System.out.printf(
        "ChrootDebCacheIT: build with %s downloaded %.1f s, from the codename's cache %.1f s%n",
        BUILD_DEP, firstSeconds, secondSeconds);
  }

  private TaskOutcome build(ChrootCache cache, Path dsc, String worker)
      throws InterruptedException {
    return new ChrootPackageWorker(
            work.resolve("builds"),
            cache,
            ChrootBuildOptions.of(DemoJob.DIST),
            WorkerLimits.DEFAULT)
        .build(
            new PackageBuildRequest("stx-debcache", dsc, List.of(), null, log(worker)),
            worker,
            new AbortSignal())
        .outcome();
  }

  private Path log(String worker) {
    return work.resolve("logs/" + worker + ".log");
  }

  private static List<Path> cachedBuildDep(Path debCache) throws IOException {
    if (!Files.isDirectory(debCache)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(debCache)) {
      return files.filter(f -> f.getFileName().toString().startsWith(BUILD_DEP + "_")).toList();
    }
  }

  private Path sourcePackage(String name) throws IOException {
    Path src = work.resolve(name + "-1.0");
    Files.createDirectories(src.resolve("debian/source"));
    Files.writeString(src.resolve("debian/source/format"), "3.0 (native)\n");
    Files.writeString(
        src.resolve("debian/control"),
        "Source: "
            + name
            + "\nMaintainer: T <t@example.invalid>\nBuild-Depends: debhelper-compat (= 13), "
            + BUILD_DEP
            + "\n\nPackage: "
            + name
            + "\nArchitecture: all\nDescription: test\n test.\n");
    Files.writeString(
        src.resolve("debian/changelog"),
        name
            + " (1.0) unstable; urgency=medium\n\n  * Test.\n\n -- T <t@example.invalid>  Sat, 01 Jan"
            + " 2000 00:00:00 +0000\n");
    Files.writeString(src.resolve("debian/rules"), "#!/usr/bin/make -f\n%:\n\tdh $@\n");
    src.resolve("debian/rules").toFile().setExecutable(true);
    CommandRunner.run(work, List.of("dpkg-source", "-b", src.getFileName().toString()));
    return work.resolve(name + "_1.0.dsc");
  }
}
