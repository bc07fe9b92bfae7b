package org.starlingx.stxbuild.engine.workers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.starlingx.stxbuild.engine.apt.PrivateAptRoot;
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
 * in-tree build-deps from the session's apt source with a private apt root (nothing is installed,
 * nothing needs root) into {@code STX_DEPS_ROOT}; builds with {@code dpkg-buildpackage}; and adds
 * the results to the build's session itself, so no package passes through the process that
 * scheduled it.
 *
 * @param sourceUrl where the {@code .dsc} is served
 * @param aptSource the session's apt source line ({@code deb [trusted=yes] URL suite component})
 * @param buildDeps in-tree binary packages to take from the session
 * @param session the build's repository session
 */
public record PodPackageBuild(
    URI sourceUrl, String aptSource, List<String> buildDeps, SessionNames session) {
  public PodPackageBuild {
    buildDeps = List.copyOf(buildDeps);
  }

  /** The inputs from the pod's environment ({@code STX_SOURCE_URL}, ...). */
  public static PodPackageBuild fromEnvironment(Map<String, String> env) {
    return new PodPackageBuild(
        URI.create(required(env, "STX_SOURCE_URL")),
        env.getOrDefault("STX_APT_SOURCE", ""),
        List.of(env.getOrDefault("STX_BUILD_DEPS", "").split(",")).stream()
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList(),
        new SessionNames(
            required(env, "STX_REPO_BRANCH"), required(env, "STX_REPO_SESSION"), Map.of()));
  }

  /** Builds in {@code work}; returns the worker outcome (its exit code tells the scheduler). */
  public TaskOutcome run(PackageRepository repository, Path work, AbortSignal abort)
      throws InterruptedException {
    try {
      Path sources = Files.createDirectories(work.resolve("sources"));
      Path dsc = fetchSource(sources);
      List<Path> deps = fetchBuildDeps(work.resolve("apt"));
      String name = DebControl.fromDsc(dsc).source();
      PackageWorker.Result result =
          new LocalProcessWorker(work.resolve("build"))
              .build(
                  new PackageBuildRequest(name, dsc, deps, null, work.resolve(name + ".log")),
                  "pod",
                  abort);
      if (result.outcome() instanceof TaskOutcome.Built) {
        try (RepoSession attached = repository.attachSession(session)) {
          attached.addPackages(result.debs());
        }
      }
      Files.copy(work.resolve(name + ".log"), System.out);
      return result.outcome();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "the pod build of " + sourceUrl + " failed: " + e.getMessage(), e);
    }
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
