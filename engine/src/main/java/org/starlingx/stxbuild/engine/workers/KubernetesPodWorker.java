package org.starlingx.stxbuild.engine.workers;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.dsl.PodResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.starlingx.stxbuild.engine.chroot.AptProxy;
import org.starlingx.stxbuild.engine.chroot.ChrootBuildOptions;
import org.starlingx.stxbuild.engine.pods.BuildPodFactory;
import org.starlingx.stxbuild.engine.pods.BuildRole;
import org.starlingx.stxbuild.engine.pods.PodOverrides;
import org.starlingx.stxbuild.engine.pods.PodStartFailure;
import org.starlingx.stxbuild.engine.pods.PodStep;
import org.starlingx.stxbuild.engine.schedule.AbortSignal;
import org.starlingx.stxbuild.engine.schedule.TaskOutcome;

/**
 * Builds a package in a transient pkgbuilder pod: the pod fetches the source package from the
 * repository service, installs build-deps from the session's apt source, builds, and uploads the
 * results to the session itself, so nothing passes through the caller. The worker creates the pod,
 * follows it with a watch, and tells a failed build (non-zero exit) from a failed worker (evicted,
 * OOM-killed, node lost), which the scheduler retries elsewhere. Abort deletes the pod at once.
 *
 * <p>The pod runs {@code stx-build pkgbuild} ({@link PodPackageBuild}) from the pkgbuilder image,
 * with {@code STX_SOURCE_URL} (where the {@code .dsc} is served), {@code STX_APT_SOURCE}, {@code
 * STX_BUILD_DEPS} and the repository session and Pulp connection ({@link PodRepositoryAccess}).
 */
public final class KubernetesPodWorker implements PackageWorker {
  private static final Duration ABORT_GRACE = Duration.ofSeconds(30);
  private final KubernetesClient client;
  private final BuildPodFactory pods;
  private final PodRepositoryAccess repository;
  private final Function<PackageBuildRequest, String> sourceUrl;
  private final String overrideYaml;
  private final Duration timeout;
  private Map<String, String> chrootEnvironment =
      PodPackageBuild.chrootEnvironment(ChrootBuildOptions.of("bullseye"));
  private String environment = ChrootBuildOptions.of("bullseye").identity();
  private Map<String, String> aptProxy = Map.of();
  private final PodCreator creator;
  private PodLogReader logs;

  /**
   * @param sourceUrl where the repository service serves a request's {@code .dsc}
   * @param overrideYaml the user's pod YAML fragment (may be null)
   */
  public KubernetesPodWorker(
      KubernetesClient client,
      BuildPodFactory pods,
      PodRepositoryAccess repository,
      Function<PackageBuildRequest, String> sourceUrl,
      String overrideYaml,
      Duration timeout) {
    this(client, pods, repository, sourceUrl, overrideYaml, timeout, null);
  }

  /**
   * @param creator how pods are created, e.g. waiting out a full tenant quota; null sends each once
   */
  public KubernetesPodWorker(
      KubernetesClient client,
      BuildPodFactory pods,
      PodRepositoryAccess repository,
      Function<PackageBuildRequest, String> sourceUrl,
      String overrideYaml,
      Duration timeout,
      PodCreator creator) {
    this.creator = creator != null ? creator : (pod, abort) -> client.resource(pod).create();
    this.client = client;
    this.pods = pods;
    this.repository = repository;
    this.sourceUrl = sourceUrl;
    this.overrideYaml = overrideYaml;
    this.timeout = timeout;
  }

  /** Builds in chroots of these options (codename, mirror, tests, make jobs) inside the pods. */
  public KubernetesPodWorker withChroot(ChrootBuildOptions options) {
    this.chrootEnvironment = PodPackageBuild.chrootEnvironment(options);
    this.environment = options.identity();
    return this;
  }

  /**
   * Pods fetch build-deps from the Debian mirror through this proxy ({@code STX_APT_PROXY}); the
   * build environment of the fingerprint does not change.
   */
  public KubernetesPodWorker withAptProxy(AptProxy proxy) {
    this.aptProxy = Map.of(AptProxy.ENVIRONMENT, proxy.url().toString());
    return this;
  }

  @Override
  public String environment() {
    return environment;
  }

  private static Map<String, String> merged(Map<String, String> a, Map<String, String> b) {
    Map<String, String> all = new java.util.LinkedHashMap<>(a);
    all.putAll(b);
    return all;
  }

  @Override
  public Result build(PackageBuildRequest request, String worker, AbortSignal abort)
      throws InterruptedException {
    Pod pod =
        PodOverrides.merge(
            pods.pod(
                BuildRole.PKGBUILDER,
                new PodStep(
                    "pkg-" + request.name(),
                    List.of("stx-build", "pkgbuild"),
                    repository.environment(
                        merged(
                            Map.of(
                                "STX_SOURCE_URL", sourceUrl.apply(request),
                                "STX_PACKAGE", request.name(),
                                "STX_BUILD_DEPS", String.join(",", request.buildDepPackages()),
                                "STX_SERIAL", String.valueOf(request.serial())),
                            merged(chrootEnvironment, aptProxy)))),
                request.aptSource() == null ? null : request.aptSource().sourcesListLine()),
            overrideYaml);
    repository.addPasswordFromSecret(pod);
    String namespace = pod.getMetadata().getNamespace();
    PodResource resource =
        client.pods().inNamespace(namespace).withName(pod.getMetadata().getName());
    // A retry of the same package reuses the name: the previous attempt's pod must be gone first.
    resource.withGracePeriod(0).delete();
    resource.waitUntilCondition(p -> p == null, 60, TimeUnit.SECONDS);
    try {
      creator.create(pod, abort);
    } catch (PodCreator.PodNotCreatedException e) {
      return new Result(new TaskOutcome.Failed(e.getMessage()), List.of());
    }
    PodProgress progress = new PodProgress(System::nanoTime);
    try {
      Pod ended = null;
      while (ended == null) {
        if (abort.aborted()) {
          // A grace period: the pod's stx-build stops its build's processes on SIGTERM.
          resource.withGracePeriod(ABORT_GRACE.toSeconds()).delete();
          return new Result(new TaskOutcome.Failed("aborted"), List.of(), progress.placement());
        }
        // The timeout counts from the container's start: waiting for a node or for quota is
        // capacity, never a reason to fail the package.
        if (System.nanoTime() - progress.runningSinceOrNow() > timeout.toNanos()) {
          return new Result(
              new TaskOutcome.Failed("no result after " + timeout),
              List.of(),
              progress.placement());
        }
        try {
          ended =
              resource.waitUntilCondition(
                  p -> {
                    progress.saw(p);
                    return p == null || terminal(p) || PodStartFailure.of(p).isPresent();
                  },
                  1,
                  TimeUnit.SECONDS);
          if (ended == null) {
            return new Result(
                new TaskOutcome.InfrastructureFailure(
                    TaskOutcome.Kind.WORKER_LOST, "the pod disappeared"),
                List.of(),
                progress.placement());
          }
          Optional<PodStartFailure> cannotStart =
              terminal(ended) ? Optional.empty() : PodStartFailure.of(ended);
          if (cannotStart.isPresent()) {
            // An image that cannot be pulled stays so on every worker: a build failure naming
            // the reason, not a worker failure to retry, and not a wait until the timeout.
            String reason = cannotStart.get().describe(ended.getMetadata().getName());
            writeLog(request, reason + "\n");
            return new Result(new TaskOutcome.Failed(reason), List.of(), progress.placement());
          }
        } catch (KubernetesClientTimeoutException stillRunning) {
          // keep following it
        }
      }
      PodPlacement placement = progress.placement();
      saveLog(
          logReader().read(namespace, pod.getMetadata().getName(), buildContainer(pod)),
          request,
          placement);
      return new Result(outcome(ended), List.of(), placement);
    } finally {
      if (!abort.aborted()) {
        resource.withGracePeriod(0).delete();
      }
    }
  }

  @Override
  public boolean remote() {
    return true;
  }

  static boolean terminal(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return "Succeeded".equals(phase) || "Failed".equals(phase);
  }

  /** What a finished pod means for the build. */
  static TaskOutcome outcome(Pod pod) {
    if ("Succeeded".equals(pod.getStatus().getPhase())) {
      return new TaskOutcome.Built(List.of());
    }
    String reason = pod.getStatus().getReason();
    if ("Evicted".equals(reason)) {
      return new TaskOutcome.InfrastructureFailure(
          TaskOutcome.Kind.EVICTED, String.valueOf(pod.getStatus().getMessage()));
    }
    if ("NodeLost".equals(reason) || "UnexpectedAdmissionError".equals(reason)) {
      return new TaskOutcome.InfrastructureFailure(TaskOutcome.Kind.WORKER_LOST, reason);
    }
    for (ContainerStatus status : pod.getStatus().getContainerStatuses()) {
      var terminated = status.getState() == null ? null : status.getState().getTerminated();
      if (terminated == null) {
        continue;
      }
      if ("OOMKilled".equals(terminated.getReason())) {
        return new TaskOutcome.InfrastructureFailure(
            TaskOutcome.Kind.OOM_KILLED, "container " + status.getName() + " ran out of memory");
      }
      if (terminated.getExitCode() != null && terminated.getExitCode() != 0) {
        return new TaskOutcome.Failed(
            "pod " + pod.getMetadata().getName() + " exited " + terminated.getExitCode());
      }
    }
    return new TaskOutcome.Failed(
        "pod " + pod.getMetadata().getName() + " failed" + (reason == null ? "" : ": " + reason));
  }

  private synchronized PodLogReader logReader() {
    if (logs == null) {
      logs = new PodLogReader(client, PodLogReader.DEFAULT_TIMEOUT);
    }
    return logs;
  }

  /** The pkgbuilder container, even when the user's pod YAML added others. */
  private static String buildContainer(Pod pod) {
    return pod.getSpec().getContainers().stream()
        .map(io.fabric8.kubernetes.api.model.Container::getName)
        .filter(BuildRole.PKGBUILDER.id()::equals)
        .findFirst()
        .orElse(pod.getSpec().getContainers().get(0).getName());
  }

  private static void saveLog(String log, PackageBuildRequest request, PodPlacement placement) {
    writeLog(request, "# " + placement.describe() + "\n" + log);
  }

  private static void writeLog(PackageBuildRequest request, String log) {
    try {
      Files.createDirectories(request.log().getParent());
      Files.writeString(request.log(), log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + request.log(), e);
    }
  }
}
