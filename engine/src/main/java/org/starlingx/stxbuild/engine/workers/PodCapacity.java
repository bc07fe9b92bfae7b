package org.starlingx.stxbuild.engine.workers;

/**
 * How many package pods a build started from Jenkins may run at once: what the step asks for,
 * bounded by the Kubernetes cloud's capacity setting (the kubernetes-plugin's container cap, the
 * most pods the cloud runs at once) less the build's own agent pod, which counts against it.
 * Package pods are not the cloud's agents, so Jenkins would not count them; the bound keeps a build
 * within what the administrator allowed.
 */
public final class PodCapacity {
  private PodCapacity() {}

  /**
   * {@code requested} bounded by {@code cloudCap}; a cap of zero, negative or {@link
   * Integer#MAX_VALUE} means the cloud sets no bound. At least one pod, so a build with a cap of
   * one still runs.
   */
  public static int maxPods(int requested, int cloudCap) {
    if (requested < 1) {
      throw new IllegalArgumentException(
          "maxPods is " + requested + "; expected at least 1 package pod at once");
    }
    if (cloudCap <= 0 || cloudCap == Integer.MAX_VALUE) {
      return requested;
    }
    return Math.max(1, Math.min(requested, cloudCap - 1));
  }
}
