package org.starlingx.stxbuild.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import org.starlingx.stxbuild.engine.packagebuild.BuildReportPage;
import org.starlingx.stxbuild.engine.packagebuild.BuildSettings;
import org.starlingx.stxbuild.engine.packagebuild.PackageBuild;
import org.starlingx.stxbuild.engine.repo.PackageRepository;
import org.starlingx.stxbuild.engine.repo.SessionNames;
import org.starlingx.stxbuild.engine.repo.pulp.PulpClient;
import org.starlingx.stxbuild.engine.repo.pulp.PulpPackageRepository;
import org.starlingx.stxbuild.engine.repo.pulp.PulpSourcePublisher;
import org.starlingx.stxbuild.engine.schedule.AbortSignal;
import org.starlingx.stxbuild.engine.scope.ScopeNames;
import org.starlingx.stxbuild.engine.workers.ClusterWorkers;
import org.starlingx.stxbuild.engine.workers.LocalProcessWorker;
import org.starlingx.stxbuild.engine.workers.PackageWorker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code stx-build build}: builds a tree's packages into a repository, with local workers or one
 * transient pkgbuilder pod per package spread over a Kubernetes cluster.
 */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = {
      "Builds the tree's Debian packages in dependency order into a repository session, with"
          + " local workers or (--on kubernetes) one transient pod per package over the cluster;"
          + " packages whose inputs did not change since the last good build are reused.",
      "On success the session becomes the branch's last good build. Exit 0 when every package was"
          + " built or reused, 1 otherwise (the report says which failed and which were skipped)."
    })
final class BuildCommand implements Callable<Integer> {
  @Mixin TreeOptions tree;
  @Mixin ScopeOptions scope;
  @Mixin RepositoryOptions repository;
  @Mixin ClusterOptions cluster;

  @Option(
      names = "--workers",
      defaultValue = "2",
      description =
          "Packages built at once on this machine (default: ${DEFAULT-VALUE}); with --on"
              + " kubernetes, --max-pods counts instead.")
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

  @Override
  public Integer call() throws Exception {
    ScopeNames names = scope.names();
    int atOnce = cluster.onKubernetes() ? cluster.maxPods : workers;
    BuildSettings settings =
        new BuildSettings(tree.dist, tree.buildTypes, "amd64", atOnce, retries, force);
    System.out.println("building " + names.build() + " into " + repository.where());
    Instant started = Instant.now();
    PackageBuild.Outcome outcome;
    if (cluster.onKubernetes()) {
      ClusterWorkers.Settings podSettings = cluster.settings(repository);
      PulpClient pulp = repository.pulp();
      SessionNames session = names.repositorySession();
      try (KubernetesClient client = cluster.client();
          ClusterWorkers pods =
              ClusterWorkers.open(
                  client,
                  names,
                  session,
                  new PulpSourcePublisher(pulp),
                  repository.password(),
                  podSettings)) {
        System.out.println(
            "packages build in pods in namespace "
                + names.namespace()
                + ", at most "
                + cluster.maxPods
                + " at once");
        outcome =
            packageBuild(new PulpPackageRepository(pulp, null), pods.worker())
                .run(session, settings, new AbortSignal());
      }
    } else {
      outcome =
          packageBuild(
                  repository.packageRepository(), new LocalProcessWorker(work.resolve("builds")))
              .run(names.repositorySession(), settings, new AbortSignal());
    }
    new BuildStatusRecorder(work, repository).record(names, started, outcome, Map.of());
    System.out.println(
        BuildReportPage.summary(outcome.report()) + "; report: " + outcome.reportPage());
    return outcome.succeeded() ? 0 : 1;
  }

  private PackageBuild packageBuild(PackageRepository packages, PackageWorker worker) {
    return new PackageBuild(
        tree.open(),
        packages,
        tree.fetcher(repository),
        worker,
        work,
        new ConsoleBuildProgress(System.out));
  }
}
