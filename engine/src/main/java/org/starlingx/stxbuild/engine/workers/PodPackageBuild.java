package org.starlingx.stxbuild.engine.workers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.starlingx.stxbuild.engine.apt.PrivateAptRoot;
import org.starlingx.stxbuild.engine.chroot.AptProxy;
import org.starlingx.stxbuild.engine.chroot.ChrootBuildOptions;
import org.starlingx.stxbuild.engine.chroot.ChrootCache;
import org.starlingx.stxbuild.engine.chroot.ChrootSpec;
import org.starlingx.stxbuild.engine.graph.DebControl;
import org.starlingx.stxbuild.engine.repo.AptSource;
import org.starlingx.stxbuild.engine.repo.FileDigests;
import org.starlingx.stxbuild.engine.repo.PackageRepository;
import org.starlingx.stxbuild.engine.repo.RepoSession;
import org.starlingx.stxbuild.engine.repo.SessionNames;
import org.starlingx.stxbuild.engine.schedule.AbortSignal;
import org.starlingx.stxbuild.engine.schedule.TaskOutcome;

/**
 * What a pkgbuilder pod does ({@code stx-build pkgbuild}, the pod's command): fetches its source
 * package from the repository service and checks every file against the {@code .dsc}; downloads its
 * in-tree build-deps from the session's apt source; builds in a clean chroot of the target codename
 * exactly as a local build does ({@link ChrootPackageWorker}: the same chroot, the same build-deps
 * installed with apt inside it, the same environment, so pod and local builds give the same {@code
 * .deb} names and versions); and adds the results to the build's session itself, so no package
 * passes through the process that scheduled it.
 *
 * @param sourceUrl where the {@code .dsc} is served
 * @param aptSource the session's apt source line ({@code deb [trusted=yes] URL suite component})
 * @param buildDeps in-tree binary packages to take from the session
 * @param session the build's repository session
 * @param chroot how to build: codename, mirror, seed, tests, make jobs
 * @param serial one make job ({@code serial: true} in the package's meta_data.yaml)
 * @param aptProxy the proxy apt reaches the Debian mirror through ({@code STX_APT_PROXY}), when the
 *     pod's network reaches no mirror itself
 */
public record PodPackageBuild(
    URI sourceUrl,
    String aptSource,
    List<String> buildDeps,
    SessionNames session,
    ChrootBuildOptions chroot,
    boolean serial,
    Optional<AptProxy> aptProxy) {
  public PodPackageBuild {
    buildDeps = List.copyOf(buildDeps);
  }

  /** The environment a pod gets for the chroot options ({@link #fromEnvironment} reads it). */
  public static Map<String, String> chrootEnvironment(ChrootBuildOptions options) {
    Map<String, String> env = new java.util.LinkedHashMap<>();
    env.put("STX_DIST", options.chroot().codename());
    env.put("STX_DEBIAN_MIRROR", options.chroot().mirror().toString());
    env.put("STX_SEED_PACKAGES", String.join(",", options.chroot().seedPackages()));
    env.put("STX_RUN_TESTS", String.valueOf(options.runTests()));
    env.put("STX_MAKE_JOBS", String.valueOf(options.maxJobs()));
    return env;
  }

  /** The inputs from the pod's environment ({@code STX_SOURCE_URL}, ...). */
  public static PodPackageBuild fromEnvironment(Map<String, String> env) {
    String codename = required(env, "STX_DIST");
    ChrootSpec spec = ChrootSpec.of(codename);
    if (env.containsKey("STX_DEBIAN_MIRROR")) {
      spec = spec.withMirror(URI.create(env.get("STX_DEBIAN_MIRROR")));
    }
    if (env.containsKey("STX_SEED_PACKAGES")) {
      spec = spec.withSeedPackages(List.of(env.get("STX_SEED_PACKAGES").split(",")));
    }
    int jobs =
        env.containsKey("STX_MAKE_JOBS")
            ? Integer.parseInt(env.get("STX_MAKE_JOBS"))
            : Runtime.getRuntime().availableProcessors();
    return new PodPackageBuild(
        URI.create(required(env, "STX_SOURCE_URL")),
        env.getOrDefault("STX_APT_SOURCE", ""),
        List.of(env.getOrDefault("STX_BUILD_DEPS", "").split(",")).stream()
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList(),
        new SessionNames(
            required(env, "STX_REPO_BRANCH"), required(env, "STX_REPO_SESSION"), Map.of()),
        new ChrootBuildOptions(spec, Boolean.parseBoolean(env.get("STX_RUN_TESTS")), jobs, false),
        Boolean.parseBoolean(env.get("STX_SERIAL")),
        Optional.ofNullable(env.get(AptProxy.ENVIRONMENT))
            .filter(s -> !s.isBlank())
            .map(s -> AptProxy.parse(s, AptProxy.ENVIRONMENT)));
  }

  /** Builds in {@code work}; returns the worker outcome (its exit code tells the scheduler). */
  public TaskOutcome run(PackageRepository repository, Path work, AbortSignal abort)
      throws InterruptedException {
    try {
      Path sources = Files.createDirectories(work.resolve("sources"));
      Path dsc = fetchSource(sources);
      List<Path> deps = fetchBuildDeps(work.resolve("apt"));
      String name = DebControl.fromDsc(dsc).source();
      ChrootPackageWorker worker =
          new ChrootPackageWorker(
              work.resolve("build"),
              // The image holds the chroot, made when the image was built: it never expires.
              new ChrootCache(ChrootCache.defaultRoot(), Duration.ofDays(36500)),
              chroot);
      aptProxy.ifPresent(worker::withAptProxy);
      PackageWorker.Result result =
          worker.build(
              new PackageBuildRequest(
                  name, dsc, deps, List.of(), null, work.resolve(name + ".log"), serial),
              "pod",
              abort);
      if (result.outcome() instanceof TaskOutcome.Built) {
        try (RepoSession attached = repository.attachSession(session)) {
          attached.addPackages(result.debs());
        }
      }
      Path log = work.resolve(name + ".log");
      if (Files.isRegularFile(log)) {
        Files.copy(log, System.out);
      }
      // The pod's log is all the caller sees: a failure before the build (no chroot, say) says
      // why here, where no build log exists.
      if (!(result.outcome() instanceof TaskOutcome.Built)) {
        System.out.println("stx-build pkgbuild: " + name + ": " + describe(result.outcome()));
      }
      return result.outcome();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "the pod build of " + sourceUrl + " failed: " + e.getMessage(), e);
    }
  }

  private static String describe(TaskOutcome outcome) {
    if (outcome instanceof TaskOutcome.Failed f) {
      return "failed: " + f.reason();
    }
    if (outcome instanceof TaskOutcome.InfrastructureFailure f) {
      return "worker failure: " + f.reason();
    }
    return String.valueOf(outcome);
  }

  private Path fetchSource(Path dir) throws IOException {
    String dscName = Path.of(sourceUrl.getPath()).getFileName().toString();
    Path dsc = dir.resolve(dscName);
    copy(sourceUrl, dsc);
    for (Map.Entry<String, String> file : DebControl.dscSha256(dsc).entrySet()) {
      Path target = dir.resolve(file.getKey());
      copy(sourceUrl.resolve(file.getKey()), target);
      String actual = FileDigests.of(target).sha256();
      if (!actual.equals(file.getValue())) {
        throw new IOException(
            file.getKey()
                + " from "
                + sourceUrl.resolve(file.getKey())
                + " has sha256 "
                + actual
                + ", the .dsc says "
                + file.getValue());
      }
    }
    return dsc;
  }

  private List<Path> fetchBuildDeps(Path aptRoot) throws IOException {
    if (buildDeps.isEmpty()) {
      return List.of();
    }
    AptSource source = AptSource.parse(aptSource);
    PrivateAptRoot apt = new PrivateAptRoot(aptRoot).sources(source);
    apt.update();
    List<Path> debs = new ArrayList<>();
    for (String dep : buildDeps) {
      debs.add(apt.download(dep));
    }
    return debs;
  }

  private static void copy(URI url, Path target) throws IOException {
    org.starlingx.stxbuild.engine.source.UpstreamFiles.copy(url, target);
  }

  private static String required(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is not set; the pod's environment must give it");
    }
    return value;
  }
}
