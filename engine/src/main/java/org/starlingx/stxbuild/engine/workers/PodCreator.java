package org.starlingx.stxbuild.engine.workers;

import io.fabric8.kubernetes.api.model.Pod;
import org.starlingx.stxbuild.engine.schedule.AbortSignal;

/**
 * Creates a build pod on the API server. The plain way sends it once; {@code
 * tenancy.QuotaWaitingPodCreator} waits out a full tenant quota.
 */
@FunctionalInterface
public interface PodCreator {
  /**
   * Creates {@code pod}; returns once the API server accepted it.
   *
   * @throws PodNotCreatedException when it will not be created, with the reason in words
   */
  void create(Pod pod, AbortSignal abort) throws InterruptedException;

  /** The pod could not be created and waiting would not help; the message says why. */
  final class PodNotCreatedException extends RuntimeException {
    public PodNotCreatedException(String message) {
      super(message);
    }
  }
}
