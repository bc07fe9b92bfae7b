package org.starlingx.stxbuild.engine.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.chroot.BuildPhases;
import org.starlingx.stxbuild.engine.chroot.ChrootBuildOptions;
import org.starlingx.stxbuild.engine.chroot.ChrootCache;
import org.starlingx.stxbuild.engine.chroot.ChrootSpec;
import org.starlingx.stxbuild.engine.chroot.TreeSeed;
import org.starlingx.stxbuild.engine.demo.DemoJob;
import org.starlingx.stxbuild.engine.exec.CommandRunner;
import org.starlingx.stxbuild.engine.graph.DebControl;
import org.starlingx.stxbuild.engine.schedule.AbortSignal;
import org.starlingx.stxbuild.engine.schedule.TaskOutcome;

/**
 * A tree's common build-dep is pre-installed in the chroot: two packages of a "tree" need {@code
 * libyaml-dev} (not in StarlingX's seed), {@link TreeSeed} picks it, the seeded chroot is another
 * cached chroot (another key, so another build environment), and a package built in it installs
 * nothing (apt is not even run), while the same package in the unseeded chroot installs it. Prints
 * both builds' build-dep step and wall times.
 *
 * <p>Opt-in ({@code -Dstx.it.treeSeed=true}): the seeded chroot is a second mmdebstrap of the
 * codename (about 6 minutes on a fresh, loaded 2-core machine), too much for CI while the seed is
 * an option that is off by default; {@code TreeSeedTest} checks the seed's choice in CI.
 */
@EnabledIfSystemProperty(named = "stx.it.treeSeed", matches = "true")
class ChrootTreeSeedIT {
  private static final String COMMON = "libyaml-dev";

  @TempDir Path work;

  @Test
  void theTreesCommonBuildDepIsInTheSeededChrootAndNothingIsInstalledThere() throws Exception {
    ChrootCache cache = new ChrootCache(ChrootCache.defaultRoot(), Duration.ofDays(7));
    ChrootBuildOptions base = ChrootBuildOptions.of(DemoJob.DIST);
    Path one = sourcePackage("stx-seed-one", COMMON + ", libjson-c-dev");
    Path two = sourcePackage("stx-seed-two", COMMON);

    List<DebControl> tree = List.of(DebControl.fromDsc(one), DebControl.fromDsc(two));
    ChrootSpec seeded = TreeSeed.seeded(cache, base.chroot(), tree, 2);
    assertThat(seeded.seedPackages())
        .contains(COMMON)
        .doesNotContain("libjson-c-dev", "stx-seed-one", "debhelper-compat");
    assertThat(seeded.key()).isNotEqualTo(base.chroot().key());
    ChrootBuildOptions options = base.withChroot(seeded);
    assertThat(options.identity()).isNotEqualTo(base.identity());

    long t0 = System.nanoTime();
    ChrootCache.Prepared prepared = cache.prepare(seeded, false);
    System.out.printf(
        "ChrootTreeSeedIT: seeded chroot %s %s in %.1f s%n",
        seeded.name(), prepared.created() ? "made" : "cached", (System.nanoTime() - t0) / 1e9);
    assertThat(prepared.root().resolve("var/lib/dpkg/info/" + COMMON + ":amd64.list"))
        .isRegularFile();

    long seededStart = System.nanoTime();
    assertThat(build(options, two, "seeded")).isInstanceOf(TaskOutcome.Built.class);
    double seededSeconds = (System.nanoTime() - seededStart) / 1e9;
    assertThat(Files.readString(log("seeded")))
        .contains("every build-dep is installed in the chroot already")
        .doesNotContain("Unpacking ")
        .doesNotContain("apt-get");

    long plainStart = System.nanoTime();
    assertThat(build(base, two, "unseeded")).isInstanceOf(TaskOutcome.Built.class);
    double plainSeconds = (System.nanoTime() - plainStart) / 1e9;
    assertThat(Files.readString(log("unseeded")))
        .containsIgnoringCase("== to install: unmet build dependencies: " + COMMON)
        .contains("Unpacking " + COMMON);
    System.out.printf(
        "ChrootTreeSeedIT: build-deps step seeded %.2f s (wall %.1f s), unseeded %.2f s (wall"
            + " %.1f s)%n",
        BuildPhases.durations(log("seeded")).get(BuildPhases.BUILD_DEPS),
        seededSeconds,
        BuildPhases.durations(log("unseeded")).get(BuildPhases.BUILD_DEPS),
        plainSeconds);
  }

  private TaskOutcome build(ChrootBuildOptions options, Path dsc, String worker)
      throws InterruptedException {
    String name = dsc.getFileName().toString().replaceAll("_.*", "");
    return new ChrootPackageWorker(work.resolve("builds"), cache(), options, WorkerLimits.DEFAULT)
        .build(
            new PackageBuildRequest(name, dsc, List.of(), null, log(worker)),
            worker,
            new AbortSignal())
        .outcome();
  }

  private static ChrootCache cache() {
    return new ChrootCache(ChrootCache.defaultRoot(), Duration.ofDays(7));
  }

  private Path log(String worker) {
    return work.resolve("logs/" + worker + ".log");
  }

  private Path sourcePackage(String name, String buildDeps) throws IOException {
    Path src = work.resolve(name + "-1.0");
    Files.createDirectories(src.resolve("debian/source"));
    Files.writeString(src.resolve("debian/source/format"), "3.0 (native)\n");
    Files.writeString(
        src.resolve("debian/control"),
        "Source: "
            + name
            + "\nMaintainer: T <t@example.invalid>\nBuild-Depends: debhelper-compat (= 13), "
            + buildDeps
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
