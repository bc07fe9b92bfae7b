package org.starlingx.stxbuild.cli;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.starlingx.stxbuild.engine.repo.pulp.PulpClient;
import org.starlingx.stxbuild.engine.repo.pulp.PulpPackageRepository;
import org.starlingx.stxbuild.engine.schedule.AbortSignal;
import org.starlingx.stxbuild.engine.schedule.TaskOutcome;
import org.starlingx.stxbuild.engine.workers.PodPackageBuild;

/**
 * What a pkgbuilder container runs, played on this machine for a pod on a KWOK node (which runs no
 * container): {@code stx-build pkgbuild} with the pod's environment.
 */
final class PlayedPkgbuilder {
  private PlayedPkgbuilder() {}

  /** The container's exit code: 0 built, 1 failed, 2 could not run. */
  static int run(Pod pod, PulpClient pulp, Path work) {
    Map<String, String> env = new HashMap<>();
    for (EnvVar var : pod.getSpec().getContainers().get(0).getEnv()) {
      if (var.getValue() != null) {
        env.put(var.getName(), var.getValue());
      }
    }
    try {
      Path dir = Files.createTempDirectory(work, pod.getMetadata().getName());
      TaskOutcome outcome =
          PodPackageBuild.fromEnvironment(env)
              .run(new PulpPackageRepository(pulp, null), dir, new AbortSignal());
      return outcome instanceof TaskOutcome.Built ? 0 : 1;
    } catch (Exception e) {
      e.printStackTrace();
      return 2;
    }
  }
}
