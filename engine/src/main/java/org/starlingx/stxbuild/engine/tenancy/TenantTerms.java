package org.starlingx.stxbuild.engine.tenancy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one tenant gets: its ResourceQuota's hard limits, its LimitRange for containers, and its
 * weight in the fair share of the build capacity.
 *
 * @param quota ResourceQuota {@code spec.hard}, e.g. {@code requests.cpu: "32"}, {@code pods: "40"}
 * @param limitDefault LimitRange container {@code default} (limits of containers that set none)
 * @param limitDefaultRequest LimitRange container {@code defaultRequest}
 * @param limitMax LimitRange container {@code max}
 * @param weight the tenant's weight in the fair share (1 = an ordinary tenant)
 */
public record TenantTerms(
    Map<String, String> quota,
    Map<String, String> limitDefault,
    Map<String, String> limitDefaultRequest,
    Map<String, String> limitMax,
    int weight) {
  public TenantTerms {
    quota = copy(quota);
    limitDefault = copy(limitDefault);
    limitDefaultRequest = copy(limitDefaultRequest);
    limitMax = copy(limitMax);
    if (weight < 1) {
      throw new IllegalArgumentException("tenant weight is " + weight + "; expected at least 1");
    }
  }

  /** These terms with the entries an override sets replacing the defaults, key by key. */
  public TenantTerms with(TenantTerms.Override override) {
    if (override == null) {
      return this;
    }
    return new TenantTerms(
        merge(quota, override.quota()),
        merge(limitDefault, override.limitDefault()),
        merge(limitDefaultRequest, override.limitDefaultRequest()),
        merge(limitMax, override.limitMax()),
        override.weight() == null ? weight : override.weight());
  }

  /** What a per-tenant override may change; absent parts keep the default. */
  public record Override(
      Map<String, String> quota,
      Map<String, String> limitDefault,
      Map<String, String> limitDefaultRequest,
      Map<String, String> limitMax,
      Integer weight) {}

  private static Map<String, String> merge(Map<String, String> base, Map<String, String> over) {
    Map<String, String> merged = new LinkedHashMap<>(base);
    if (over != null) {
      merged.putAll(over);
    }
    return merged;
  }

  private static Map<String, String> copy(Map<String, String> map) {
    return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
