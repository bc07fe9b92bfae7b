package org.starlingx.stxbuild.engine.tenancy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who may start the next pkgbuilder pod: weighted max-min fair shares ("water filling") of the
 * build capacity over the tenants that have pods running or work waiting. A tenant that needs less
 * than its share gets what it needs and the rest is shared among the others by weight; a tenant
 * alone gets everything. Nothing here talks to a cluster: {@link ApiServerFairShare} feeds it the
 * counts it sees on the API server.
 */
public final class FairSharePolicy {
  /**
   * One tenant's state.
   *
   * @param running its pkgbuilder pods not yet finished
   * @param waiting its builds' package builds waiting to start a pod
   * @param weight its weight (1 = ordinary)
   */
  public record Demand(int running, int waiting, int weight) {
    int wanted() {
      return running + waiting;
    }
  }

  private FairSharePolicy() {}

  /**
   * The tenants' fair allocations of {@code capacity} pods: each gets at most what it wants, and
   * what one does not need goes to the others in proportion to their weights.
   */
  public static Map<String, Integer> allocations(int capacity, Map<String, Demand> demands) {
    Map<String, Integer> allocation = new HashMap<>();
    List<String> open = new ArrayList<>(demands.keySet());
    open.sort(null);
    double remaining = capacity;
    boolean settled = true;
    while (!open.isEmpty() && settled) {
      settled = false;
      int weights = open.stream().mapToInt(t -> demands.get(t).weight()).sum();
      for (String tenant : List.copyOf(open)) {
        Demand demand = demands.get(tenant);
        double fair = remaining * demand.weight() / weights;
        if (demand.wanted() <= fair) {
          allocation.put(tenant, demand.wanted());
          open.remove(tenant);
          remaining -= demand.wanted();
          settled = true;
        }
      }
    }
    int weights = open.stream().mapToInt(t -> demands.get(t).weight()).sum();
    for (String tenant : open) {
      // At least one pod each, so a light tenant is never starved by rounding.
      allocation.put(
          tenant,
          Math.max(1, (int) Math.floor(remaining * demands.get(tenant).weight() / weights)));
    }
    return allocation;
  }

  /**
   * Whether {@code tenant} may start one more pod now: there is room in the capacity, and it is
   * below its fair allocation or no other tenant with waiting work is below its own.
   */
  public static boolean admits(String tenant, int capacity, Map<String, Demand> demands) {
    int running = demands.values().stream().mapToInt(Demand::running).sum();
    if (running >= capacity) {
      return false;
    }
    Map<String, Integer> allocation = allocations(capacity, demands);
    Demand mine = demands.get(tenant);
    if (mine.running() < allocation.get(tenant)) {
      return true;
    }
    // Work conserving: room nobody below their share is waiting for may be used by anyone.
    return demands.entrySet().stream()
        .filter(e -> !e.getKey().equals(tenant))
        .noneMatch(
            e -> e.getValue().waiting() > 0 && e.getValue().running() < allocation.get(e.getKey()));
  }
}
