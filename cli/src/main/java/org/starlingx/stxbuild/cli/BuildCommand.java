package org.starlingx.stxbuild.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import org.starlingx.stxbuild.engine.packagebuild.BuildReportPage;
import org.starlingx.stxbuild.engine.packagebuild.BuildSettings;
import org.starlingx.stxbuild.engine.packagebuild.PackageBuild;
import org.starlingx.stxbuild.engine.schedule.AbortSignal;
import org.starlingx.stxbuild.engine.scope.ScopeNames;
import org.starlingx.stxbuild.engine.workers.ChrootPackageWorker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stx-build build}: builds a tree's packages with local workers into a repository. */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = {
      "Builds the tree's Debian packages in dependency order into a repository session, each in"
          + " a clean chroot of the target codename (--dist) with its build-deps installed inside; packages whose inputs did not change since the last good build are reused.",
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

  @Mixin ChrootOptions chroot;

  @Option(
      names = {"--packages", "-p"},
      split = ",",
      description =
          "Build only these source packages and any in-tree build-dep of theirs not in the"
              + " branch's last good build (StarlingX's build-pkgs -p); the rest is taken from"
              + " that build.")
  java.util.List<String> packages = new java.util.ArrayList<>();

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
                new ChrootPackageWorker(
                    work.resolve("builds"), chroot.cache(), chroot.options(tree.dist)),
                work,
                new ConsoleBuildProgress(System.out))
            .onlyPackages(packages)
            .run(names.repositorySession(), settings, new AbortSignal());
    new BuildStatusRecorder(work, repository).record(names, started, outcome, Map.of());
    System.out.println(
        BuildReportPage.summary(outcome.report()) + "; report: " + outcome.reportPage());
    return outcome.succeeded() ? 0 : 1;
  }
}
