package org.starlingx.stxbuild.engine.workers;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Follows one pod's way from creation to a running container, from the pod versions a watch sees:
 * when it was placed on a node, how long it stayed unschedulable (waiting for capacity, which is
 * never a failure), and when its container started. The build's timeout counts from that start.
 */
final class PodProgress {
  private final LongSupplier clock;
  private final long created;
  private volatile String pod = "";
  private volatile String node = "";
  private volatile long unschedulableSince = -1;
  private volatile long waitedNanos;
  private volatile long runningAt = -1;

  PodProgress(LongSupplier nanoClock) {
    this.clock = nanoClock;
    this.created = nanoClock.getAsLong();
  }

  /** Takes in one version of the pod (null once it is gone). */
  synchronized void saw(Pod p) {
    if (p == null) {
      return;
    }
    long now = clock.getAsLong();
    pod = p.getMetadata().getName();
    if (p.getSpec() != null && p.getSpec().getNodeName() != null) {
      node = p.getSpec().getNodeName();
    }
    boolean unschedulable = false;
    if (p.getStatus() != null && p.getStatus().getConditions() != null) {
      for (PodCondition condition : p.getStatus().getConditions()) {
        if ("PodScheduled".equals(condition.getType())
            && "False".equals(condition.getStatus())
            && "Unschedulable".equals(condition.getReason())) {
          unschedulable = true;
        }
      }
    }
    if (unschedulable && unschedulableSince < 0) {
      unschedulableSince = now;
    } else if (!unschedulable && unschedulableSince >= 0) {
      waitedNanos += now - unschedulableSince;
      unschedulableSince = -1;
    }
    if (runningAt < 0 && started(p)) {
      runningAt = now;
    }
  }

  /** True once the pod's container has started (running or already ended). */
  boolean running() {
    return runningAt >= 0;
  }

  /** When the container started, or now while it has not. */
  long runningSinceOrNow() {
    return running() ? runningAt : clock.getAsLong();
  }

  PodPlacement placement() {
    long now = clock.getAsLong();
    long waited = waitedNanos + (unschedulableSince >= 0 ? now - unschedulableSince : 0);
    long latency = (running() ? runningAt : now) - created;
    return new PodPlacement(pod, node, Duration.ofNanos(waited), Duration.ofNanos(latency));
  }

  private static boolean started(Pod p) {
    if (p.getStatus() == null || p.getStatus().getContainerStatuses() == null) {
      return false;
    }
    for (ContainerStatus status : p.getStatus().getContainerStatuses()) {
      if (status.getState() != null
          && (status.getState().getRunning() != null
              || status.getState().getTerminated() != null)) {
        return true;
      }
    }
    return false;
  }
}
