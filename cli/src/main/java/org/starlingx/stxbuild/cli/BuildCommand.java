package org.starlingx.stxbuild.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import org.starlingx.stxbuild.engine.packagebuild.BuildReportPage;
import org.starlingx.stxbuild.engine.packagebuild.BuildSettings;
import org.starlingx.stxbuild.engine.packagebuild.PackageBuild;
import org.starlingx.stxbuild.engine.reuse.ReuseScope;
import org.starlingx.stxbuild.engine.reuse.ReuseSettings;
import org.starlingx.stxbuild.engine.schedule.AbortSignal;
import org.starlingx.stxbuild.engine.scope.ScopeNames;
import org.starlingx.stxbuild.engine.workers.LocalProcessWorker;
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
  /** Reads a reuse scope with the engine's message for a wrong one. */
  static final class ReuseScopeConverter implements picocli.CommandLine.ITypeConverter<ReuseScope> {
    @Override
    public ReuseScope convert(String value) {
      try {
        return ReuseScope.parse(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

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
      names = "--reuse-scope",
      defaultValue = "everything",
      converter = ReuseScopeConverter.class,
      description =
          "Whose earlier good builds with identical package inputs are reused from the repository:"
              + " line, project or everything (default: ${DEFAULT-VALUE}).")
  ReuseScope reuseScope;

  @Option(
      names = "--reuse-maximum",
      description =
          "Reuse never_reuse.lst packages from other lines too (build-pkgs --reuse_maximum).")
  boolean reuseMaximum;

  @Option(
      names = "--work",
      defaultValue = "build-output/work",
      description = "Work directory: sources, builds, history, logs (default: ${DEFAULT-VALUE}).")
  Path work;

  @Override
  public Integer call() throws Exception {
    ScopeNames names = scope.names();
    BuildSettings settings =
        new BuildSettings(tree.dist, tree.buildTypes, "amd64", workers, retries, force);
    System.out.println("building " + names.build() + " into " + repository.where());
    Instant started = Instant.now();
    PackageBuild.Outcome outcome =
        new PackageBuild(
                tree.open(),
                repository.packageRepository(),
                tree.fetcher(repository),
                new LocalProcessWorker(work.resolve("builds")),
                work,
                new ConsoleBuildProgress(System.out))
            .reuse(new ReuseSettings(reuseScope, reuseMaximum))
            .run(names.repositorySession(), settings, new AbortSignal());
    new BuildStatusRecorder(work, repository).record(names, started, outcome, Map.of());
    System.out.println(
        BuildReportPage.summary(outcome.report()) + "; report: " + outcome.reportPage());
    return outcome.succeeded() ? 0 : 1;
  }
}
