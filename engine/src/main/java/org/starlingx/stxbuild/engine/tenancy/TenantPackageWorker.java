package org.starlingx.stxbuild.engine.tenancy;

import java.util.List;
import org.starlingx.stxbuild.engine.schedule.AbortSignal;
import org.starlingx.stxbuild.engine.schedule.TaskOutcome;
import org.starlingx.stxbuild.engine.workers.PackageBuildRequest;
import org.starlingx.stxbuild.engine.workers.PackageWorker;

/**
 * A pod worker of one tenant: the tenant is provisioned on its first package build (a new user's
 * first build gets its namespace, accounts, quota and limits), and every package build waits for a
 * slot of the fair share before its pod is created and gives it back when the pod is gone.
 */
public final class TenantPackageWorker implements PackageWorker {
  private final PackageWorker pods;
  private final TenantOnDemand tenants;
  private final Tenant tenant;
  private final FairShareGate gate;

  public TenantPackageWorker(
      PackageWorker pods, TenantOnDemand tenants, Tenant tenant, FairShareGate gate) {
    this.pods = pods;
    this.tenants = tenants;
    this.tenant = tenant;
    this.gate = gate;
  }

  @Override
  public Result build(PackageBuildRequest request, String worker, AbortSignal abort)
      throws InterruptedException {
    String namespace;
    try {
      namespace = tenants.ensure(tenant);
    } catch (TenantException e) {
      return new Result(new TaskOutcome.Failed(e.getMessage()), List.of());
    }
    int weight = tenants.settings().terms(tenant).weight();
    try (FairShareGate.Slot slot = gate.admit(namespace, weight, abort)) {
      return pods.build(request, worker, abort);
    } catch (FairShareGate.AbortedException e) {
      return new Result(new TaskOutcome.Failed("aborted"), List.of());
    }
  }

  @Override
  public boolean remote() {
    return pods.remote();
  }

  @Override
  public String environment() {
    return pods.environment();
  }
}
