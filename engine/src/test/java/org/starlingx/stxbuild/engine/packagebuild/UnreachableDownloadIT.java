package org.starlingx.stxbuild.engine.packagebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.chroot.ChrootBuildOptions;
import org.starlingx.stxbuild.engine.chroot.ChrootCache;
import org.starlingx.stxbuild.engine.demo.DemoJob;
import org.starlingx.stxbuild.engine.repo.SessionNames;
import org.starlingx.stxbuild.engine.repo.local.LocalPackageRepository;
import org.starlingx.stxbuild.engine.schedule.AbortSignal;
import org.starlingx.stxbuild.engine.schedule.TaskResult;
import org.starlingx.stxbuild.engine.source.StxSourceTree;
import org.starlingx.stxbuild.engine.workers.ChrootPackageWorker;

/**
 * A package whose packaging comes with a download (a tarball carrying its own debian/, as a third
 * of StarlingX's integ packages are) whose host cannot be reached fails on its own, with the
 * reason; the rest of the tree still builds. It used to end the whole build with the fetch error
 * before any package was built (seen on the real corpus: a github.com tarball of utilities).
 */
class UnreachableDownloadIT {
  @TempDir Path work;

  @Test
  void aPackageWhoseDownloadFailsFailsAloneWithTheReason() throws Exception {
    Path tree = SampleTree.copyTo(work.resolve("tree"));
    Path utilities = tree.resolve("utilities");
    Path far = Files.createDirectories(utilities.resolve("far/stx-far/debian"));
    Files.writeString(
        far.resolve("meta_data.yaml"),
        "---\ndebver: 1.0-1\ndl_path:\n  name: stx-far-1.0.tar.gz\n  url: "
            + SampleTree.UPSTREAM_HOST
            + "stx-far-1.0.tar.gz\n  md5sum: 0123456789abcdef0123456789abcdef\n");
    Files.writeString(
        utilities.resolve("debian_pkg_dirs"),
        Files.readString(utilities.resolve("debian_pkg_dirs")) + "far/stx-far\n");

    PackageBuild build =
        new PackageBuild(
            StxSourceTree.open(tree),
            new LocalPackageRepository(work.resolve("repo"), List.of("amd64"), null),
            SampleTree.mirror(work.resolve("mirror")),
            new ChrootPackageWorker(
                work.resolve("builds"),
                new ChrootCache(ChrootCache.defaultRoot(), Duration.ofDays(7)),
                ChrootBuildOptions.of(DemoJob.DIST)),
            work.resolve("work"),
            BuildProgress.SILENT);
    PackageBuild.Outcome outcome =
        build
            .onlyPackages(List.of("stx-far", "libstxsample"))
            .run(
                new SessionNames("far-master", "far-master-b1", Map.of("stx.run", "it")),
                new BuildSettings(DemoJob.DIST, List.of("std"), "amd64", 2, 0, false),
                new AbortSignal());

    assertThat(outcome.report().results())
        .filteredOn(r -> r.id().equals("stx-far"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.state()).isEqualTo(TaskResult.State.FAILED);
              assertThat(r.reason()).contains("stx-far-1.0.tar.gz");
            });
    assertThat(outcome.report().results())
        .filteredOn(r -> r.id().equals("libstxsample"))
        .singleElement()
        .satisfies(r -> assertThat(r.state()).isEqualTo(TaskResult.State.BUILT));
  }
}
