package org.starlingx.stxbuild.engine.pods;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import org.starlingx.stxbuild.engine.scope.ScopeNames;

/**
 * Finds and deletes everything one build created in its namespace, selected by the build's scope
 * label, so that nothing of another build is touched.
 */
public final class ScopeCleanup {
  /** Jobs first: deleting a Job's pods alone would let the Job controller start new ones. */
  private static final List<Class<? extends HasMetadata>> KINDS =
      List.of(
          Job.class,
          Pod.class,
          ConfigMap.class,
          Secret.class,
          Service.class,
          PersistentVolumeClaim.class);

  private final KubernetesClient client;

  public ScopeCleanup(KubernetesClient client) {
    this.client = client;
  }

  /** Every object of the build: jobs, pods, config maps, secrets, services, volume claims. */
  public List<HasMetadata> list(ScopeNames names) {
    List<HasMetadata> found = new ArrayList<>();
    for (Class<? extends HasMetadata> kind : KINDS) {
      found.addAll(
          client
              .resources(kind)
              .inNamespace(names.namespace())
              .withLabels(names.selector())
              .list()
              .getItems());
    }
    return found;
  }

  /** Deletes every object of the build (pods with no grace period); returns how many. */
  public int delete(ScopeNames names) {
    int count = 0;
    for (Class<? extends HasMetadata> kind : KINDS) {
      count +=
          client
              .resources(kind)
              .inNamespace(names.namespace())
              .withLabels(names.selector())
              .withGracePeriod(0)
              .delete()
              .size();
    }
    return count;
  }
}
