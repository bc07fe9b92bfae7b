package org.starlingx.stxbuild.engine.tenancy;

import java.util.Map;

/**
 * A provisioned tenant as {@code stx-build tenants list|show} shows it.
 *
 * @param tenant the user or project, by its exact name
 * @param namespace its namespace
 * @param hard the quota's limits (empty: no quota)
 * @param used what the tenant's pods use now, by the same keys (the quota's {@code pods} counts its
 *     pods that have not finished)
 * @param terminating true while a removal is under way
 */
public record TenantStatus(
    Tenant tenant,
    String namespace,
    Map<String, String> hard,
    Map<String, String> used,
    boolean terminating) {
  public TenantStatus {
    hard = Map.copyOf(hard);
    used = Map.copyOf(used);
  }
}
