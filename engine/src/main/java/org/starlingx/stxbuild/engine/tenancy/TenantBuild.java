package org.starlingx.stxbuild.engine.tenancy;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.function.Consumer;
import org.starlingx.stxbuild.engine.scope.ScopeNames;
import org.starlingx.stxbuild.engine.workers.PackageWorker;

/**
 * One build as a tenant's build: its tenant (the user or project its naming policy says) is
 * provisioned before its first pod (a new user's first build gets its namespace, accounts, quota
 * and limits), and its package pods are admitted by the fair share when the tenant settings set a
 * capacity. Provisioning runs with the provisioner's client; pods and the fair share with the
 * build's own.
 */
public final class TenantBuild implements AutoCloseable {
  private final Tenant tenant;
  private final TenantOnDemand tenants;
  private final FairShareGate gate;
  private final String namespace;

  private TenantBuild(Tenant tenant, TenantOnDemand tenants, FairShareGate gate, String namespace) {
    this.tenant = tenant;
    this.tenants = tenants;
    this.gate = gate;
    this.namespace = namespace;
  }

  /**
   * Provisions the build's tenant; throws with a clear message when the build's naming policy is
   * not the one of the tenant settings (its pods would go to another namespace than the tenant's).
   */
  public static TenantBuild open(
      ScopeNames names,
      TenantSettings settings,
      KubernetesClient provisioner,
      KubernetesClient builds,
      Consumer<String> progress) {
    if (names.policy().strategy() != settings.policy().strategy()
        || !names.policy().namespacePrefix().equals(settings.policy().namespacePrefix())) {
      throw new IllegalArgumentException(
          "the build's namespace strategy is "
              + word(names.policy())
              + " with prefix '"
              + names.policy().namespacePrefix()
              + "', the tenant settings' "
              + word(settings.policy())
              + " with prefix '"
              + settings.policy().namespacePrefix()
              + "'; expected the same: the tenant's namespace is where the build's pods go");
    }
    Tenant tenant = Tenant.of(names.scope(), settings.policy());
    TenantOnDemand tenants = new TenantOnDemand(new TenantProvisioner(provisioner, settings));
    String namespace = tenants.ensure(tenant);
    FairShareGate gate =
        settings.capacity() > 0
            ? new ApiServerFairShare(
                builds,
                settings.coordinationNamespace(),
                settings.policy().namespacePrefix(),
                settings.capacity(),
                progress)
            : FairShareGate.NONE;
    return new TenantBuild(tenant, tenants, gate, namespace);
  }

  private static String word(org.starlingx.stxbuild.engine.scope.NamingPolicy policy) {
    return policy.strategy().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** The tenant's namespace, where the build's pods go. */
  public String namespace() {
    return namespace;
  }

  public Tenant tenant() {
    return tenant;
  }

  /** {@code pods} as the tenant's worker: each package build waits for its fair share first. */
  public PackageWorker worker(PackageWorker pods) {
    return new TenantPackageWorker(pods, tenants, tenant, gate);
  }

  @Override
  public void close() {
    if (gate instanceof ApiServerFairShare shared) {
      shared.close();
    }
  }
}
