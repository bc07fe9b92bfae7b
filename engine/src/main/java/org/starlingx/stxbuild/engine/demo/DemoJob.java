package org.starlingx.stxbuild.engine.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.starlingx.stxbuild.engine.exec.CommandRunner;
import org.starlingx.stxbuild.engine.packagebuild.BuildProgress;
import org.starlingx.stxbuild.engine.packagebuild.BuildReportPage;
import org.starlingx.stxbuild.engine.packagebuild.BuildSettings;
import org.starlingx.stxbuild.engine.packagebuild.PackageBuild;
import org.starlingx.stxbuild.engine.repo.PackageRepository;
import org.starlingx.stxbuild.engine.repo.local.LocalPackageRepository;
import org.starlingx.stxbuild.engine.schedule.AbortSignal;
import org.starlingx.stxbuild.engine.scope.BuildScope;
import org.starlingx.stxbuild.engine.scope.NamingPolicy;
import org.starlingx.stxbuild.engine.scope.ScopeNames;
import org.starlingx.stxbuild.engine.source.DownloadStep;
import org.starlingx.stxbuild.engine.source.LocalMirrorFetcher;
import org.starlingx.stxbuild.engine.source.SourceFetcher;
import org.starlingx.stxbuild.engine.source.StxSourceTree;
import org.starlingx.stxbuild.engine.workers.LocalProcessWorker;

/**
 * The main job on the embedded default: the sample StarlingX tree built with local workers into the
 * local repository (or into Pulp when one is given), with progress, a summary, a log per package
 * and an HTML report. Everything stays in one output directory, so a second run finds the last good
 * build and rebuilds nothing.
 */
public final class DemoJob {
  /** The sample's upstream host, served from the sample's own copy of the upstream tarballs. */
  public static final String SAMPLE_UPSTREAM = "https://downloads.starlingx-build.invalid/";

  /** What the demo did. */
  public record Outcome(Path outputDir, PackageBuild.Outcome build) {}

  private static final int STEPS = 4;

  private final Path outputDir;
  private final Path tree;
  private final Path upstream;
  private final ProgressListener progress;
  private final BuildProgress packages;

  public DemoJob(
      Path outputDir, Path tree, Path upstream, ProgressListener progress, BuildProgress packages) {
    this.outputDir = outputDir.toAbsolutePath().normalize();
    this.tree = tree.toAbsolutePath().normalize();
    this.upstream = upstream.toAbsolutePath().normalize();
    this.progress = progress;
    this.packages = packages;
  }

  /** Runs on the local repository in the output directory. */
  public Outcome run(int workers) throws IOException, InterruptedException {
    return run(
        new LocalPackageRepository(outputDir.resolve("repo"), List.of("amd64"), null),
        new LocalMirrorFetcher(
            outputDir.resolve("mirror"), Map.of(SAMPLE_UPSTREAM, upstream.toUri().toString())),
        workers);
  }

  public Outcome run(PackageRepository repository, SourceFetcher fetcher, int workers)
      throws IOException, InterruptedException {
    progress.stepStarted(1, STEPS, "Check Debian's build tools and the sample tree " + tree);
    Files.createDirectories(outputDir);
    String dpkg =
        CommandRunner.run(outputDir, List.of("dpkg-buildpackage", "--version"))
            .output()
            .lines()
            .findFirst()
            .orElse("");
    StxSourceTree sourceTree = StxSourceTree.open(tree);
    progress.stepDone(dpkg);

    BuildSettings settings =
        new BuildSettings(
            org.starlingx.stxbuild.engine.source.StxDistribution.DEFAULT,
            List.of("std", "rt"),
            "amd64",
            workers,
            0,
            false);
    progress.stepStarted(2, STEPS, "Download what the tree needs into the mirror");
    DownloadStep.Report downloads =
        new DownloadStep(fetcher)
            .run(sourceTree, settings.dist(), settings.buildTypes(), item -> {});
    if (!downloads.failures().isEmpty()) {
      throw new IllegalStateException("download failed: " + downloads.failures().get(0).error());
    }
    progress.stepDone(
        downloads.items().size()
            + " files: "
            + downloads.count("fetched")
            + " fetched, "
            + downloads.count("already_mirrored")
            + " already in the mirror");

    ScopeNames names =
        new ScopeNames(
            new BuildScope(
                System.getProperty("user.name", "demo"),
                "stx-sample",
                "master",
                java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
                    .format(java.time.LocalDateTime.now())),
            NamingPolicy.DEFAULT);
    progress.stepStarted(
        3, STEPS, "Build the packages (std and rt) with " + workers + " local workers");
    PackageBuild.Outcome build =
        new PackageBuild(
                sourceTree,
                repository,
                fetcher,
                new LocalProcessWorker(outputDir.resolve("builds")),
                outputDir.resolve("work"),
                packages)
            .run(names.repositorySession(), settings, new AbortSignal());
    progress.stepDone(BuildReportPage.summary(build.report()));

    progress.stepStarted(4, STEPS, "Report");
    progress.stepDone(
        "report "
            + build.reportPage()
            + "; logs in "
            + build.logs()
            + build.source().map(s -> "; apt source: " + s.sourcesListLine()).orElse(""));
    if (!build.succeeded()) {
      throw new IllegalStateException("the demo build failed: see " + build.reportPage());
    }
    return new Outcome(outputDir, build);
  }
}
