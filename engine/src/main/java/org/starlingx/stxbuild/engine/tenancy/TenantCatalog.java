package org.starlingx.stxbuild.engine.tenancy;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.starlingx.stxbuild.engine.scope.ScopeNames;

/**
 * The provisioned tenants, read from the API server: every namespace that carries {@link
 * Tenant#TENANT_LABEL}, with its readable user or project name (from its annotations), its quota
 * and what is used of it.
 */
public final class TenantCatalog {
  private final KubernetesClient client;

  public TenantCatalog(KubernetesClient client) {
    this.client = client;
  }

  /** Every tenant, sorted by kind and name. */
  public List<TenantStatus> list() {
    List<TenantStatus> tenants = new ArrayList<>();
    for (Namespace namespace :
        client.namespaces().withLabel(Tenant.TENANT_LABEL).list().getItems()) {
      tenantOf(namespace).ifPresent(t -> tenants.add(status(t, namespace)));
    }
    tenants.sort(
        Comparator.comparing((TenantStatus s) -> s.tenant().kind())
            .thenComparing(s -> s.tenant().name()));
    return tenants;
  }

  /** One tenant, if provisioned. */
  public Optional<TenantStatus> show(Tenant tenant, TenantSettings settings) {
    Namespace namespace = client.namespaces().withName(tenant.namespace(settings.policy())).get();
    if (namespace == null || tenantOf(namespace).filter(tenant::equals).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(status(tenant, namespace));
  }

  /** The tenant a labelled namespace belongs to, from the annotations the provisioner wrote. */
  static Optional<Tenant> tenantOf(Namespace namespace) {
    Map<String, String> annotations = namespace.getMetadata().getAnnotations();
    Map<String, String> labels = namespace.getMetadata().getLabels();
    if (annotations == null || labels == null) {
      return Optional.empty();
    }
    for (Tenant.Kind kind : Tenant.Kind.values()) {
      String name = annotations.get(ScopeNames.PREFIX + kind.word());
      if (kind.word().equals(annotations.get(Tenant.KIND_LABEL)) && name != null) {
        Tenant tenant = new Tenant(kind, name);
        // The label is the proof: an annotation alone could be copied onto any namespace.
        return tenant.id().equals(labels.get(Tenant.TENANT_LABEL))
            ? Optional.of(tenant)
            : Optional.empty();
      }
    }
    return Optional.empty();
  }

  private TenantStatus status(Tenant tenant, Namespace namespace) {
    String name = namespace.getMetadata().getName();
    ResourceQuota quota =
        client.resourceQuotas().inNamespace(name).withName(TenantProvisioner.QUOTA).get();
    Map<String, String> hard = new TreeMap<>();
    Map<String, String> used = new TreeMap<>();
    if (quota != null && quota.getStatus() != null) {
      copy(quota.getStatus().getHard(), hard);
      copy(quota.getStatus().getUsed(), used);
    } else if (quota != null) {
      copy(quota.getSpec().getHard(), hard);
    }
    return new TenantStatus(
        tenant, name, hard, used, namespace.getMetadata().getDeletionTimestamp() != null);
  }

  private static void copy(Map<String, Quantity> from, Map<String, String> to) {
    if (from != null) {
      from.forEach((k, v) -> to.put(k, v.toString()));
    }
  }
}
