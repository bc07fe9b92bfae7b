package org.starlingx.stxbuild.engine.pods;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import java.util.List;
import java.util.Map;

/**
 * What lets a build's agent pod (the builder container that runs {@code stx-build build --on
 * kubernetes}) create its package pods: a Role in the build's namespace with exactly the calls
 * {@code ClusterWorkers} makes, bound to the {@link RoleSettings#BUILD_POD_SERVICE_ACCOUNT}, and an
 * API token mounted into the builder container only. The service account keeps {@code
 * automountServiceAccountToken: false}, so package pods, which run as the same account, still get
 * no token: only the container that asks for it here has one.
 */
public final class PackagePodManager {
  /** The Role and RoleBinding's name in every build namespace. */
  public static final String NAME = "stx-build-package-pods";

  /** Where Kubernetes clients (fabric8 among them) look for the in-cluster token. */
  public static final String TOKEN_DIR = "/var/run/secrets/kubernetes.io/serviceaccount";

  static final String TOKEN_VOLUME = "stx-build-api-token";

  /** A bound token lives an hour; the kubelet renews it in the file before it expires. */
  private static final long TOKEN_SECONDS = 3600;

  private PackagePodManager() {}

  /**
   * The rights {@code ClusterWorkers} needs: read its namespace (a Role may grant reading the
   * namespace it is in), the Pulp password Secret (created or updated), package pods created (also
   * as a server-side dry run, the same verb), watched, their logs read, and deleted at the end or
   * on abort.
   */
  public static List<PolicyRule> rules() {
    return List.of(
        rule("", List.of("namespaces"), List.of("get")),
        rule(
            "",
            List.of("pods"),
            List.of("create", "get", "list", "watch", "delete", "deletecollection")),
        rule("", List.of("pods/log"), List.of("get")),
        rule(
            "",
            List.of("secrets"),
            List.of("create", "get", "list", "update", "patch", "delete", "deletecollection")));
  }

  public static Role role(String namespace, Map<String, String> labels) {
    return new RoleBuilder()
        .withNewMetadata()
        .withName(NAME)
        .withNamespace(namespace)
        .withLabels(labels)
        .endMetadata()
        .withRules(rules())
        .build();
  }

  public static RoleBinding roleBinding(String namespace, Map<String, String> labels) {
    return new RoleBindingBuilder()
        .withNewMetadata()
        .withName(NAME)
        .withNamespace(namespace)
        .withLabels(labels)
        .endMetadata()
        .addNewSubject()
        .withKind("ServiceAccount")
        .withName(RoleSettings.BUILD_POD_SERVICE_ACCOUNT)
        .withNamespace(namespace)
        .endSubject()
        .withNewRoleRef()
        .withApiGroup("rbac.authorization.k8s.io")
        .withKind("Role")
        .withName(NAME)
        .endRoleRef()
        .build();
  }

  /**
   * Mounts the service account's token, the cluster's CA and the namespace where in-cluster clients
   * read them, into {@code container} of {@code pod} only (what automounting would do for every
   * container of the pod, the Jenkins agent's among them).
   */
  public static Pod withApiToken(Pod pod, String container) {
    Container target =
        pod.getSpec().getContainers().stream()
            .filter(c -> container.equals(c.getName()))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "the pod has no container '" + container + "' to give an API token to"));
    pod.getSpec().getVolumes().removeIf(v -> TOKEN_VOLUME.equals(v.getName()));
    pod.getSpec().getVolumes().add(tokenVolume());
    target.getVolumeMounts().removeIf(m -> TOKEN_DIR.equals(m.getMountPath()));
    target
        .getVolumeMounts()
        .add(
            new VolumeMountBuilder()
                .withName(TOKEN_VOLUME)
                .withMountPath(TOKEN_DIR)
                .withReadOnly(true)
                .build());
    return pod;
  }

  private static Volume tokenVolume() {
    return new VolumeBuilder()
        .withName(TOKEN_VOLUME)
        .withNewProjected()
        .addNewSource()
        .withNewServiceAccountToken()
        .withPath("token")
        .withExpirationSeconds(TOKEN_SECONDS)
        .endServiceAccountToken()
        .endSource()
        .addNewSource()
        .withNewConfigMap()
        .withName("kube-root-ca.crt")
        .addNewItem()
        .withKey("ca.crt")
        .withPath("ca.crt")
        .endItem()
        .endConfigMap()
        .endSource()
        .addNewSource()
        .withNewDownwardAPI()
        .addNewItem()
        .withPath("namespace")
        .withNewFieldRef()
        .withFieldPath("metadata.namespace")
        .endFieldRef()
        .endItem()
        .endDownwardAPI()
        .endSource()
        .endProjected()
        .build();
  }

  private static PolicyRule rule(String group, List<String> resources, List<String> verbs) {
    return new PolicyRuleBuilder()
        .withApiGroups(group)
        .withResources(resources)
        .withVerbs(verbs)
        .build();
  }
}
