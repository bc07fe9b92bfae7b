package org.starlingx.stxbuild.engine.workers;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.starlingx.stxbuild.engine.scope.ScopeNames;

/**
 * Package pods made from inside the build's own pod (Jenkins' {@code stxBuild} agent pod) are owned
 * by it, so Kubernetes' garbage collector deletes them when that pod goes: the kubernetes-plugin
 * deletes an aborted build's agent pod at once, with this process in it, before it can delete its
 * package pods itself. Only a pod of the build (its scope's labels) is taken as owner.
 */
final class AgentPodOwner {
  private AgentPodOwner() {}

  /** The pod this process runs in ({@code HOSTNAME}), when it is a pod of this build. */
  static Optional<OwnerReference> find(KubernetesClient client, ScopeNames names) {
    String hostname = hostname();
    if (hostname.isBlank()) {
      return Optional.empty();
    }
    try {
      Pod self = client.pods().inNamespace(names.namespace()).withName(hostname).get();
      return self == null ? Optional.empty() : of(self, names);
    } catch (RuntimeException notAllowed) {
      // Without the right to read it, package pods are deleted by this process only.
      return Optional.empty();
    }
  }

  /** A pod's hostname is its name (unless its spec sets another, then no owner is found). */
  private static String hostname() {
    String fromEnvironment = System.getenv("HOSTNAME");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment.strip();
    }
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/etc/hostname")).strip();
    } catch (java.io.IOException | RuntimeException none) {
      return "";
    }
  }

  /** {@code pod} as the owner of package pods, if it carries the build's labels. */
  static Optional<OwnerReference> of(Pod pod, ScopeNames names) {
    Map<String, String> labels = pod.getMetadata().getLabels();
    if (labels == null || !labels.entrySet().containsAll(names.selector().entrySet())) {
      return Optional.empty();
    }
    return Optional.of(
        new OwnerReferenceBuilder()
            .withApiVersion("v1")
            .withKind("Pod")
            .withName(pod.getMetadata().getName())
            .withUid(pod.getMetadata().getUid())
            .build());
  }

  /** {@code pod} owned by {@code owner} as well. */
  static void own(Pod pod, OwnerReference owner) {
    List<OwnerReference> owners = new ArrayList<>();
    if (pod.getMetadata().getOwnerReferences() != null) {
      owners.addAll(pod.getMetadata().getOwnerReferences());
    }
    owners.add(owner);
    pod.getMetadata().setOwnerReferences(owners);
  }
}
