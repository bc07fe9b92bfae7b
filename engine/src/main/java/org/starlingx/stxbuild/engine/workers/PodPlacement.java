package org.starlingx.stxbuild.engine.workers;

import java.time.Duration;

/**
 * Where and how fast a package's pod ran: the pod, the node Kubernetes placed it on, and the pod's
 * start latency (from its creation until its container ran), which is the price of a transient pod
 * per package.
 *
 * @param pod the pod's name
 * @param node the node it ran on, empty while it was never scheduled
 * @param waitedForCapacity how long it stayed unschedulable (no node or quota had room)
 * @param startLatency from creation to a running container
 */
public record PodPlacement(
    String pod, String node, Duration waitedForCapacity, Duration startLatency) {
  /** One line for the package's log and the build's progress. */
  public String describe() {
    return "pod "
        + pod
        + (node.isEmpty() ? " (never scheduled)" : " on node " + node)
        + ", running after "
        + seconds(startLatency)
        + (waitedForCapacity.isZero()
            ? ""
            : " (" + seconds(waitedForCapacity) + " waiting for capacity)");
  }

  private static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
