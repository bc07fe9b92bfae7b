package org.starlingx.stxbuild.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import org.starlingx.stxbuild.engine.logs.ReportPublication;
import org.starlingx.stxbuild.engine.packagebuild.BuildReportPage;
import org.starlingx.stxbuild.engine.packagebuild.BuildSettings;
import org.starlingx.stxbuild.engine.packagebuild.PackageBuild;
import org.starlingx.stxbuild.engine.packagebuild.ReportLink;
import org.starlingx.stxbuild.engine.repo.PackageRepository;
import org.starlingx.stxbuild.engine.repo.SessionNames;
import org.starlingx.stxbuild.engine.repo.pulp.PulpClient;
import org.starlingx.stxbuild.engine.repo.pulp.PulpLogExporter;
import org.starlingx.stxbuild.engine.repo.pulp.PulpPackageRepository;
import org.starlingx.stxbuild.engine.repo.pulp.PulpSourcePublisher;
import org.starlingx.stxbuild.engine.reuse.ReuseScope;
import org.starlingx.stxbuild.engine.reuse.ReuseSettings;
import org.starlingx.stxbuild.engine.schedule.AbortSignal;
import org.starlingx.stxbuild.engine.schedule.GracefulStop;
import org.starlingx.stxbuild.engine.scope.ScopeNames;
import org.starlingx.stxbuild.engine.tenancy.QuotaWaitingPodCreator;
import org.starlingx.stxbuild.engine.tenancy.TenantBuild;
import org.starlingx.stxbuild.engine.workers.ChrootPackageWorker;
import org.starlingx.stxbuild.engine.workers.ClusterWorkers;
import org.starlingx.stxbuild.engine.workers.PackageWorker;
import org.starlingx.stxbuild.engine.workers.WorkerLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code stx-build build}: builds a tree's packages into a repository, each in a clean chroot on
 * this machine or (--on kubernetes) in its own transient pkgbuilder pod spread over the cluster.
 */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = {
      "Builds the tree's Debian packages in dependency order into a repository session, each in"
          + " a clean chroot of the target codename (--dist) with its build-deps installed inside,"
          + " on this machine or (--on kubernetes) in one transient pod per package over the"
          + " cluster; packages whose inputs did not change since the last good build are reused.",
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
  @Mixin ClusterOptions cluster;
  @Mixin TenantOptions tenancy;

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

  @Mixin ChrootOptions chroot;

  @Option(
      names = {"--packages", "-p"},
      split = ",",
      description =
          "Build only these source packages and any in-tree build-dep of theirs not in the"
              + " branch's last good build (StarlingX's build-pkgs -p); the rest is taken from"
              + " that build.")
  java.util.List<String> packages = new java.util.ArrayList<>();

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
    ScopeNames names = tenancy.asTenant() ? tenancy.names(scope.names()) : scope.names();
    if (tree.printRefusals() > 0) {
      return 1;
    }
    int atOnce = cluster.onKubernetes() ? cluster.maxPods : workers;
    BuildSettings settings =
        new BuildSettings(tree.codename(), tree.buildTypes, "amd64", atOnce, retries, force);
    System.out.println("building " + names.build() + " into " + repository.where());
    Instant started = Instant.now();
    WorkerLimits limits = new WorkerLimits(timeout, logLimitMb * 1024 * 1024);
    AbortSignal abort = new AbortSignal();
    // SIGTERM/SIGINT and --build-timeout abort the build; it still aborts its session and
    // prints its summary and report before the JVM ends.
    try (GracefulStop stop = GracefulStop.install(abort, Duration.ofMinutes(2), buildTimeout)) {
      PackageBuild.Outcome outcome;
      if (cluster.onKubernetes()) {
        ClusterWorkers.Settings podSettings = cluster.settings(repository, timeout);
        PulpClient pulp = repository.pulp();
        SessionNames session = names.repositorySession();
        try (KubernetesClient client = cluster.client();
            TenantBuild tenant = asTenant(names, client);
            ClusterWorkers pods =
                ClusterWorkers.open(
                    client,
                    names,
                    session,
                    new PulpSourcePublisher(pulp),
                    repository.password(),
                    podSettings,
                    QuotaWaitingPodCreator.of(client, System.out::println),
                    chroot.options(tree.codename()))) {
          System.out.println(
              "packages build in pods in namespace "
                  + names.namespace()
                  + ", at most "
                  + cluster.maxPods
                  + " at once");
          outcome =
              packageBuild(
                      new PulpPackageRepository(pulp, null),
                      tenant == null ? pods.worker() : tenant.worker(pods.worker()))
                  .run(session, settings, abort);
        }
      } else {
        outcome =
            packageBuild(
                    repository.packageRepository(),
                    new ChrootPackageWorker(
                        work.resolve("builds"),
                        chroot.cache(),
                        chroot.options(
                            tree.codename(),
                            () ->
                                packageBuild(repository.packageRepository(), null)
                                    .controls(settings)
                                    .values(),
                            System.out),
                        limits))
                .run(names.repositorySession(), settings, abort);
      }
      if (!abort.aborted()) {
        new BuildStatusRecorder(work, repository).record(names, started, outcome, Map.of());
      }
      // With Pulp the report and the logs it links go there: the Jenkins build page and anyone
      // else open them from the content app, not from this machine's disk.
      String report =
          repository.usesPulp() && !abort.aborted()
              ? publishedReport(names, outcome).orElse(outcome.reportPage().toString())
              : outcome.reportPage().toString();
      System.out.println(
          (abort.aborted() ? "build aborted (" + abort.reason() + "): " : "")
              + BuildReportPage.summary(outcome.report())
              + "; report: "
              + report);
      new ReportLink(
              BuildReportPage.summary(outcome.report()),
              report.startsWith("http") ? report : outcome.reportPage().toUri().toString(),
              outcome.succeeded() && !abort.aborted())
          .writeIfAsked();
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

  /** The build as its tenant's build when --tenants is given (provisioned now), else null. */
  private TenantBuild asTenant(ScopeNames names, KubernetesClient builds) {
    if (!tenancy.asTenant()) {
      return null;
    }
    // The provisioner's client is needed only now: the tenant is provisioned once per process
    // and its package builds find it provisioned (TenantOnDemand remembers it).
    try (KubernetesClient provisioner =
        tenancy.provisionerKubeconfig == null
            ? null
            : ClusterOptions.client(tenancy.provisionerKubeconfig, "--provisioner-kubeconfig")) {
      TenantBuild tenant =
          TenantBuild.open(
              names,
              tenancy.settings(),
              provisioner == null ? builds : provisioner,
              builds,
              System.out::println);
      System.out.println(
          "tenant "
              + tenant.tenant().kind().word()
              + " "
              + tenant.tenant().name()
              + ": namespace "
              + tenant.namespace()
              + " provisioned");
      return tenant;
    }
  }

  private java.util.Optional<String> publishedReport(
      ScopeNames names, PackageBuild.Outcome outcome) {
    try {
      return java.util.Optional.of(
          ReportPublication.publish(
                  new PulpLogExporter(repository.pulp(), work.resolve(".export")),
                  names.repositorySession().session(),
                  outcome.logs())
              .page()
              .toString());
    } catch (RuntimeException e) {
      System.err.println(
          "the report stays on this machine only: publishing it and the logs to Pulp failed: "
              + e.getMessage());
      return java.util.Optional.empty();
    }
  }

  private PackageBuild packageBuild(PackageRepository into, PackageWorker worker) {
    return new PackageBuild(
            tree.open(),
            into,
            tree.fetcher(repository),
            worker,
            work,
            new ConsoleBuildProgress(System.out))
        .onlyPackages(packages)
        .reuse(new ReuseSettings(reuseScope, reuseMaximum));
  }
}
