package org.starlingx.stxbuild.engine.workers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.starlingx.stxbuild.engine.chroot.AptProxy;
import org.starlingx.stxbuild.engine.chroot.ChrootBuild;
import org.starlingx.stxbuild.engine.chroot.ChrootBuildOptions;
import org.starlingx.stxbuild.engine.chroot.ChrootCache;
import org.starlingx.stxbuild.engine.chroot.ChrootException;
import org.starlingx.stxbuild.engine.exec.LogTail;
import org.starlingx.stxbuild.engine.graph.DebControl;
import org.starlingx.stxbuild.engine.schedule.AbortSignal;
import org.starlingx.stxbuild.engine.schedule.TaskOutcome;

/**
 * Builds each package in isolation, as StarlingX's pkgbuilder does with sbuild: in a fresh overlay
 * of a cached chroot of the target codename, its build-deps installed inside from the Debian mirror
 * plus its in-tree build-deps (from the build's session), with a clean environment and no network
 * while {@code dpkg-buildpackage} runs. Nothing is installed on the machine and parallel builds
 * share nothing writable. The default local worker.
 */
public final class ChrootPackageWorker implements PackageWorker {
  private final Path workRoot;
  private final ChrootCache cache;
  private final ChrootBuildOptions options;
  private final WorkerLimits limits;
  private Optional<AptProxy> aptProxy = Optional.empty();
  private final AtomicBoolean refreshed = new AtomicBoolean();
  private volatile ChrootCache.Prepared prepared;

  public ChrootPackageWorker(Path workRoot, ChrootCache cache, ChrootBuildOptions options) {
    this(workRoot, cache, options, WorkerLimits.DEFAULT);
  }

  public ChrootPackageWorker(
      Path workRoot, ChrootCache cache, ChrootBuildOptions options, WorkerLimits limits) {
    this.workRoot = workRoot.toAbsolutePath().normalize();
    this.cache = cache;
    this.options = options;
    this.limits = limits;
  }

  /**
   * Fetches build-deps from the Debian mirror through this proxy (a pod whose network reaches only
   * its machine). Not part of {@link #environment()}: the packages installed are the same.
   */
  public ChrootPackageWorker withAptProxy(AptProxy proxy) {
    this.aptProxy = Optional.of(proxy);
    return this;
  }

  /** Makes the chroot ready (refreshed once per worker when asked); builds call it themselves. */
  public ChrootCache.Prepared chroot() {
    ChrootCache.Prepared ready = prepared;
    if (ready == null) {
      synchronized (this) {
        if (prepared == null) {
          boolean refresh = options.refreshChroot() && !refreshed.getAndSet(true);
          prepared = cache.prepare(options.chroot(), refresh);
        }
        ready = prepared;
      }
    }
    return ready;
  }

  @Override
  public String environment() {
    return options.identity();
  }

  @Override
  public Result build(PackageBuildRequest request, String worker, AbortSignal abort) {
    long deadline = System.nanoTime() + limits.packageTimeout().toNanos();
    try {
      Files.createDirectories(request.log().getParent());
      Files.deleteIfExists(request.log());
      ChrootCache.Prepared chroot;
      try {
        chroot = chroot();
      } catch (ChrootException e) {
        return new Result(
            new TaskOutcome.InfrastructureFailure(TaskOutcome.Kind.WORKER_LOST, e.getMessage()),
            List.of());
      }
      List<String> files = new ArrayList<>(DebControl.dscSha256(request.dsc()).keySet());
      ChrootBuild.Result result =
          ChrootBuild.run(
              chroot,
              request.dsc(),
              files,
              request.buildDepDebs(),
              options,
              request.serial(),
              workRoot.resolve(request.name()),
              request.log(),
              abort::aborted,
              deadline,
              limits.maxLogBytes(),
              aptProxy);
      if (abort.aborted()) {
        return new Result(new TaskOutcome.Failed("aborted"), List.of());
      }
      if (result.timedOut()) {
        return failed(
            request,
            "timed out after "
                + limits.packageTimeout()
                + " (--timeout); every process of its build was stopped");
      }
      if (result.exit() != 0) {
        return failed(request, "the chroot build exited " + result.exit());
      }
      if (result.debs().isEmpty()) {
        return failed(request, "dpkg-buildpackage produced no .deb");
      }
      return new Result(
          new TaskOutcome.Built(
              result.debs().stream().map(d -> d.getFileName().toString()).toList()),
          result.debs());
    } catch (IOException e) {
      throw new UncheckedIOException("chroot worker cannot build " + request.name(), e);
    }
  }

  private static Result failed(PackageBuildRequest request, String reason) throws IOException {
    // From the end of the file: a log of hundreds of MB is never read whole.
    String tail = String.join(" | ", LogTail.lastLines(request.log(), 3));
    return new Result(
        new TaskOutcome.Failed(reason + " (log " + request.log() + ": " + tail + ")"), List.of());
  }
}
