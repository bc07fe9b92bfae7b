package org.starlingx.stxbuild.engine.workers;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.starlingx.stxbuild.engine.repo.pulp.PulpClient;
import org.starlingx.stxbuild.engine.repo.pulp.PulpPackageRepository;
import org.starlingx.stxbuild.engine.schedule.AbortSignal;
import org.starlingx.stxbuild.engine.schedule.TaskOutcome;

/**
 * What a pkgbuilder container runs, played on this machine for a pod on a KWOK node (which runs no
 * container): {@code stx-build pkgbuild} with the pod's environment. The container of the {@code
 * KwokContainerPlayer} in the tests that spread package pods over KWOK nodes and the real node (cli
 * {@code BuildOnKubernetesIT}, plugin {@code StxBuildPackagesInPodsIT}); it lives in the engine's
 * test jar because it needs engine classes only and both modules use it.
 */
public final class PlayedPkgbuilder {
  private PlayedPkgbuilder() {}

  /**
   * The container's exit code: 0 built, 1 failed (or stopped), 2 could not run. The pod's Pulp URLs
   * come from its environment (reachable from this machine, as testenv's bridge address is); {@code
   * pulp} stands for the password the pod reads from its Secret. When {@code stopped} turns true
   * (the pod was deleted: an aborted build) the build is aborted, as the kubelet would kill it.
   */
  public static int run(Pod pod, PulpClient pulp, Path work, BooleanSupplier stopped) {
    Map<String, String> env = new HashMap<>();
    for (EnvVar var : pod.getSpec().getContainers().get(0).getEnv()) {
      if (var.getValue() != null) {
        env.put(var.getName(), var.getValue());
      }
    }
    AbortSignal abort = new AbortSignal();
    Thread kill =
        new Thread(
            () -> {
              while (!abort.aborted()) {
                if (stopped.getAsBoolean()) {
                  abort.abort("the pod was deleted");
                  return;
                }
                try {
                  Thread.sleep(200);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "stop " + pod.getMetadata().getName());
    kill.setDaemon(true);
    kill.start();
    try {
      Path dir = Files.createTempDirectory(work, pod.getMetadata().getName());
      TaskOutcome outcome =
          PodPackageBuild.fromEnvironment(env)
              .run(new PulpPackageRepository(pulp, null), dir, abort);
      return outcome instanceof TaskOutcome.Built ? 0 : 1;
    } catch (Exception e) {
      e.printStackTrace();
      return 2;
    } finally {
      kill.interrupt();
    }
  }

  /** As {@link #run(Pod, PulpClient, Path, BooleanSupplier)} for a pod that is never stopped. */
  public static int run(Pod pod, PulpClient pulp, Path work) {
    return run(pod, pulp, work, () -> false);
  }
}
