package org.starlingx.stxbuild.engine.workers;

import java.nio.file.Path;
import java.util.List;
import org.starlingx.stxbuild.engine.schedule.AbortSignal;
import org.starlingx.stxbuild.engine.schedule.TaskOutcome;

/**
 * Builds one Debian package somewhere: a local process, or a transient pod. The outcome tells a
 * failed build (dependents skipped) from a failed worker (retried elsewhere).
 */
public interface PackageWorker {
  /**
   * The outcome and, when built, the {@code .deb} files produced (local) or none (remote).
   *
   * @param placement where it ran when the worker is elsewhere (pod, node, start latency); null for
   *     local workers
   */
  record Result(TaskOutcome outcome, List<Path> debs, PodPlacement placement) {
    public Result(TaskOutcome outcome, List<Path> debs) {
      this(outcome, debs, null);
    }

    /** Where it ran, for the report and the progress line; empty for local workers. */
    public String where() {
      return placement == null ? "" : placement.describe();
    }
  }

  Result build(PackageBuildRequest request, String worker, AbortSignal abort)
      throws InterruptedException;

  /**
   * The build environment a result of this worker depends on besides the package's inputs (for
   * chroot builds, local or in pods: the chroot's codename, mirror and seed, and whether tests
   * ran); part of each package's input fingerprint, so a result is reused only from the same
   * environment.
   */
  default String environment() {
    return "";
  }

  /**
   * True for workers that run elsewhere (pods): they take build-deps from the session's published
   * apt source and add their results to the session themselves.
   */
  default boolean remote() {
    return false;
  }
}
