package org.starlingx.stxbuild.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import org.starlingx.stxbuild.engine.packagebuild.BuildReportPage;
import org.starlingx.stxbuild.engine.packagebuild.BuildSettings;
import org.starlingx.stxbuild.engine.packagebuild.PackageBuild;
import org.starlingx.stxbuild.engine.schedule.AbortSignal;
import org.starlingx.stxbuild.engine.schedule.GracefulStop;
import org.starlingx.stxbuild.engine.scope.ScopeNames;
import org.starlingx.stxbuild.engine.workers.LocalProcessWorker;
import org.starlingx.stxbuild.engine.workers.WorkerLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stx-build build}: builds a tree's packages with local workers into a repository. */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = {
      "Builds the tree's Debian packages in dependency order with local workers into a repository"
          + " session; packages whose inputs did not change since the last good build are reused.",
      "On success the session becomes the branch's last good build. Exit 0 when every package was"
          + " built or reused, 1 otherwise (the report says which failed and which were skipped)."
    })
final class BuildCommand implements Callable<Integer> {
  @Mixin TreeOptions tree;
  @Mixin ScopeOptions scope;
  @Mixin RepositoryOptions repository;

  @Option(
      names = "--workers",
      defaultValue = "2",
      description = "Packages built at once (default: ${DEFAULT-VALUE}).")
  int workers;

  @Option(
      names = "--retries",
      defaultValue = "0",
      description =
          "Retry a failed package alone this often (flaky builds; default: ${DEFAULT-VALUE}).")
  int retries;

  @Option(names = "--force", description = "Rebuild every package, even unchanged ones.")
  boolean force;

  @Option(
      names = "--work",
      defaultValue = "build-output/work",
      description = "Work directory: sources, builds, history, logs (default: ${DEFAULT-VALUE}).")
  Path work;

  @Option(
      names = "--timeout",
      defaultValue = "4h",
      converter = DurationConverter.class,
      description =
          "Longest build of one package, e.g. 90m, 4h (default: ${DEFAULT-VALUE}); then every"
              + " process of it is stopped and the packages that need it are skipped.")
  Duration timeout;

  @Option(
      names = "--build-timeout",
      converter = DurationConverter.class,
      description = "Longest whole build, e.g. 12h (default: none); then the build is aborted.")
  Duration buildTimeout;

  @Option(
      names = "--log-limit",
      defaultValue = "200",
      description =
          "Largest log of one package in MB (default: ${DEFAULT-VALUE}); the rest is dropped and"
              + " the log and report say so.")
  long logLimitMb;

  @Override
  public Integer call() throws Exception {
    // Absolute from the start: the work path is handed to processes running elsewhere.
    work = work.toAbsolutePath().normalize();
    ScopeNames names = scope.names();
    BuildSettings settings =
        new BuildSettings(tree.dist, tree.buildTypes, "amd64", workers, retries, force);
    System.out.println("building " + names.build() + " into " + repository.where());
    Instant started = Instant.now();
    WorkerLimits limits = new WorkerLimits(timeout, logLimitMb * 1024 * 1024);
    AbortSignal abort = new AbortSignal();
    // SIGTERM/SIGINT and --build-timeout abort the build; it still aborts its session and
    // prints its summary and report before the JVM ends.
    try (GracefulStop stop = GracefulStop.install(abort, Duration.ofMinutes(2), buildTimeout)) {
      PackageBuild.Outcome outcome =
          new PackageBuild(
                  tree.open(),
                  repository.packageRepository(),
                  tree.fetcher(repository),
                  new LocalProcessWorker(work.resolve("builds"), limits),
                  work,
                  new ConsoleBuildProgress(System.out))
              .run(names.repositorySession(), settings, abort);
      if (!abort.aborted()) {
        new BuildStatusRecorder(work, repository).record(names, started, outcome, Map.of());
      }
      System.out.println(
          (abort.aborted() ? "build aborted (" + abort.reason() + "): " : "")
              + BuildReportPage.summary(outcome.report())
              + "; report: "
              + outcome.reportPage());
      System.out.flush();
      return outcome.succeeded() && !abort.aborted() ? 0 : 1;
    } catch (RuntimeException e) {
      // The summary is always printed, also when the build could not finish its session.
      System.out.println(
          "build failed before it ended: its session was removed, the last good build stays");
      System.out.flush();
      throw e;
    }
  }
}
