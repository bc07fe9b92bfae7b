package org.starlingx.stxbuild.engine.tenancy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRangeBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.starlingx.stxbuild.engine.pods.RoleSettings;

/**
 * Creates and removes tenants: the namespace (labelled {@link Tenant#TENANT_LABEL}, annotated with
 * the readable user or project), the {@code stx-build-pods} service account build pods run as, the
 * RoleBinding that lets the build service account manage pods there, the ResourceQuota and the
 * LimitRange. Runs as the provisioner identity of the Helm chart, whose rights cover exactly these
 * objects in labelled namespaces (docs/tenants.md); the build service account cannot do this.
 *
 * <p>Provisioning is idempotent and safe to race: an object that exists is kept, the quota and
 * limits are brought to the current terms. A namespace of the same name that is not this tenant's
 * is never touched.
 */
public final class TenantProvisioner {
  public static final String QUOTA = "stx-build-quota";
  public static final String LIMITS = "stx-build-limits";
  public static final String ROLE_BINDING = "stx-build-pods-manager";
  private static final Duration TERMINATING_WAIT = Duration.ofMinutes(2);

  private final KubernetesClient client;
  private final TenantSettings settings;

  public TenantProvisioner(KubernetesClient client, TenantSettings settings) {
    this.client = client;
    this.settings = settings;
  }

  public TenantSettings settings() {
    return settings;
  }

  /** Makes sure the tenant exists with its current terms; returns its namespace. */
  public String provision(Tenant tenant) {
    String namespace = tenant.namespace(settings.policy());
    Namespace existing = client.namespaces().withName(namespace).get();
    if (existing != null && existing.getMetadata().getDeletionTimestamp() != null) {
      // A tenant removed a moment ago: its namespace must be gone before it can come back.
      client
          .namespaces()
          .withName(namespace)
          .waitUntilCondition(n -> n == null, TERMINATING_WAIT.toSeconds(), TimeUnit.SECONDS);
      existing = null;
    }
    if (existing == null) {
      createIgnoringConflict(
          new NamespaceBuilder().withMetadata(meta(tenant, namespace, null)).build());
    } else {
      requireOwned(tenant, existing);
    }
    ServiceAccount podAccount =
        new ServiceAccountBuilder()
            .withMetadata(meta(tenant, RoleSettings.BUILD_POD_SERVICE_ACCOUNT, namespace))
            .withAutomountServiceAccountToken(false)
            .build();
    createIgnoringConflict(podAccount);
    RoleBinding binding =
        new RoleBindingBuilder()
            .withMetadata(meta(tenant, ROLE_BINDING, namespace))
            .addNewSubject()
            .withKind("ServiceAccount")
            .withName(settings.buildServiceAccount())
            .withNamespace(settings.buildServiceAccountNamespace())
            .endSubject()
            .withNewRoleRef()
            .withApiGroup("rbac.authorization.k8s.io")
            .withKind("ClusterRole")
            .withName(settings.buildClusterRole())
            .endRoleRef()
            .build();
    createIgnoringConflict(binding);
    TenantTerms terms = settings.terms(tenant);
    if (!terms.quota().isEmpty()) {
      createOrUpdate(
          new ResourceQuotaBuilder()
              .withMetadata(meta(tenant, QUOTA, namespace))
              .withNewSpec()
              .withHard(quantities(terms.quota()))
              .endSpec()
              .build());
    }
    if (!terms.limitDefault().isEmpty()
        || !terms.limitDefaultRequest().isEmpty()
        || !terms.limitMax().isEmpty()) {
      createOrUpdate(
          new LimitRangeBuilder()
              .withMetadata(meta(tenant, LIMITS, namespace))
              .withNewSpec()
              .addNewLimit()
              .withType("Container")
              .withDefault(quantities(terms.limitDefault()))
              .withDefaultRequest(quantities(terms.limitDefaultRequest()))
              .withMax(quantities(terms.limitMax()))
              .endLimit()
              .endSpec()
              .build());
    }
    return namespace;
  }

  /**
   * Removes the tenant's namespace, and with it everything in it, if it carries this tenant's
   * label; returns false when there is no such namespace. A namespace of that name without the
   * label is refused with an error, never deleted.
   */
  public boolean remove(Tenant tenant) {
    String namespace = tenant.namespace(settings.policy());
    Namespace existing = client.namespaces().withName(namespace).get();
    if (existing == null) {
      return false;
    }
    requireOwned(tenant, existing);
    client.namespaces().withName(namespace).delete();
    return true;
  }

  /** The tenant's namespace if it has been provisioned. */
  public Optional<Namespace> find(Tenant tenant) {
    Namespace existing = client.namespaces().withName(tenant.namespace(settings.policy())).get();
    if (existing == null) {
      return Optional.empty();
    }
    requireOwned(tenant, existing);
    return Optional.of(existing);
  }

  private static void requireOwned(Tenant tenant, Namespace existing) {
    Map<String, String> labels = existing.getMetadata().getLabels();
    String owner = labels == null ? null : labels.get(Tenant.TENANT_LABEL);
    if (!tenant.id().equals(owner)) {
      throw new TenantException(
          "namespace "
              + existing.getMetadata().getName()
              + " exists but is not the namespace of "
              + tenant
              + " (its label "
              + Tenant.TENANT_LABEL
              + " is "
              + (owner == null ? "absent" : "'" + owner + "'")
              + ", expected '"
              + tenant.id()
              + "'); it is left untouched");
    }
  }

  private ObjectMeta meta(Tenant tenant, String name, String namespace) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(namespace)
        .withLabels(tenant.labels())
        .withAnnotations(tenant.annotations())
        .build();
  }

  private void createIgnoringConflict(HasMetadata object) {
    try {
      client.resource(object).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw refused(object, e);
      }
    }
  }

  private void createOrUpdate(HasMetadata object) {
    try {
      client.resource(object).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw refused(object, e);
      }
      try {
        client.resource(object).update();
      } catch (KubernetesClientException updateRefused) {
        throw refused(object, updateRefused);
      }
    }
  }

  private static TenantException refused(HasMetadata object, KubernetesClientException e) {
    String where =
        object.getMetadata().getNamespace() == null
            ? ""
            : " in namespace " + object.getMetadata().getNamespace();
    String message = e.getStatus() == null ? e.getMessage() : e.getStatus().getMessage();
    return new TenantException(
        "the API server refused to create "
            + object.getKind()
            + " "
            + object.getMetadata().getName()
            + where
            + " (HTTP "
            + e.getCode()
            + "): "
            + message,
        e);
  }

  private static Map<String, Quantity> quantities(Map<String, String> values) {
    Map<String, Quantity> result = new LinkedHashMap<>();
    values.forEach((k, v) -> result.put(k, new Quantity(v)));
    return result;
  }
}
