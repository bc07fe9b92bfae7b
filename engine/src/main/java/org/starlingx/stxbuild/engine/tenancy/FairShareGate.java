package org.starlingx.stxbuild.engine.tenancy;

import org.starlingx.stxbuild.engine.schedule.AbortSignal;

/**
 * Admits pkgbuilder pods of many tenants to the shared build capacity. A package build asks for a
 * slot before it creates its pod and gives it back when the pod is gone.
 */
public interface FairShareGate {
  /** A slot held by one package build; closing gives it back. */
  interface Slot extends AutoCloseable {
    @Override
    void close();
  }

  /** Admits at once, always: no fair share (one tenant, or none configured). */
  FairShareGate NONE = (tenant, weight, abort) -> () -> {};

  /**
   * Waits until {@code tenant} (its namespace) may start a pod.
   *
   * @param weight the tenant's weight in the share
   * @throws AbortedException when {@code abort} is set while waiting
   */
  Slot admit(String tenant, int weight, AbortSignal abort) throws InterruptedException;

  /** The build was aborted while it waited for a slot. */
  final class AbortedException extends RuntimeException {
    public AbortedException(String message) {
      super(message);
    }
  }
}
