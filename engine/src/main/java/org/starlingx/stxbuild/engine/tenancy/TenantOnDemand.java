package org.starlingx.stxbuild.engine.tenancy;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Provisions a tenant the first time one of its builds needs it in this process, and remembers that
 * it did: later package builds of the same tenant do not ask the API server again.
 */
public final class TenantOnDemand {
  private final TenantProvisioner provisioner;
  private final ConcurrentMap<Tenant, String> provisioned = new ConcurrentHashMap<>();

  public TenantOnDemand(TenantProvisioner provisioner) {
    this.provisioner = provisioner;
  }

  /** The tenant's namespace, provisioned if this process has not done so yet. */
  public String ensure(Tenant tenant) {
    return provisioned.computeIfAbsent(tenant, provisioner::provision);
  }

  public TenantSettings settings() {
    return provisioner.settings();
  }
}
