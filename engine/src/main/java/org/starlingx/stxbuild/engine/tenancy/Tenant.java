package org.starlingx.stxbuild.engine.tenancy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.starlingx.stxbuild.engine.scope.BuildScope;
import org.starlingx.stxbuild.engine.scope.KubeNames;
import org.starlingx.stxbuild.engine.scope.NamespaceStrategy;
import org.starlingx.stxbuild.engine.scope.NamingPolicy;
import org.starlingx.stxbuild.engine.scope.ScopeNames;

/**
 * Who a build's namespace belongs to: a user (namespace strategy {@code per-user}) or a project
 * ({@code per-project}). Each tenant has its own namespace, quota and fair share of the cluster.
 *
 * @param kind user or project
 * @param name the user's or project's name, exactly as the build scope has it
 */
public record Tenant(Kind kind, String name) {
  /** The label every tenant namespace carries: the provisioner may touch only those. */
  public static final String TENANT_LABEL = ScopeNames.PREFIX + "tenant";

  public static final String KIND_LABEL = ScopeNames.PREFIX + "tenant-kind";

  /** Whose namespace it is. */
  public enum Kind {
    USER,
    PROJECT;

    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of tenant a namespace strategy makes; {@code shared} has none. */
    public static Kind of(NamespaceStrategy strategy) {
      return switch (strategy) {
        case PER_USER -> USER;
        case PER_PROJECT -> PROJECT;
        case SHARED ->
            throw new IllegalArgumentException(
                "namespace strategy 'shared' has no tenants; expected per-user or per-project");
      };
    }
  }

  public Tenant {
    if (kind == null) {
      throw new IllegalArgumentException("tenant kind is missing; expected user or project");
    }
    // The same checks as a build scope's user or project: the namespace is derived the same way.
    new BuildScope(name, name, "-", "-");
  }

  /** The tenant a build belongs to under its naming policy. */
  public static Tenant of(BuildScope scope, NamingPolicy policy) {
    Kind kind = Kind.of(policy.strategy());
    return new Tenant(kind, kind == Kind.USER ? scope.user() : scope.project());
  }

  /** The tenant's namespace: the one {@link ScopeNames#namespace()} gives its builds. */
  public String namespace(NamingPolicy policy) {
    return KubeNames.label(
        List.of(policy.namespacePrefix(), name), List.of(kind.word(), name), KubeNames.MAX_LABEL);
  }

  /** A short, stable id of the exact tenant: the value of {@link #TENANT_LABEL}. */
  public String id() {
    return KubeNames.hash(List.of(kind.word(), name));
  }

  /** Labels of the namespace and of every object the provisioner creates in it. */
  public Map<String, String> labels() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(ScopeNames.MANAGED_BY, ScopeNames.MANAGER);
    labels.put(TENANT_LABEL, id());
    labels.put(KIND_LABEL, kind.word());
    labels.put(ScopeNames.PREFIX + kind.word(), KubeNames.readableLabelValue(name));
    return Map.copyOf(labels);
  }

  /** The exact, unsanitised name, for people and for {@code stx-build tenants list}. */
  public Map<String, String> annotations() {
    return Map.of(ScopeNames.PREFIX + kind.word(), name, KIND_LABEL, kind.word());
  }

  /** {@code user alice}, {@code project starlingx}. */
  @Override
  public String toString() {
    return kind.word() + " " + name;
  }
}
