package org.starlingx.stxbuild.engine.pods;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends every generated object to the API server as a server-side dry run before the build starts:
 * the real validation, admission (quotas, pod security, runtime classes) and RBAC apply, nothing is
 * stored, and a refusal stops the build with the server's message.
 */
public final class DryRunValidator {
  private final KubernetesClient client;

  public DryRunValidator(KubernetesClient client) {
    this.client = client;
  }

  /** Returns what the server refused; empty when everything would be accepted. */
  public List<RefusedObject> check(List<? extends HasMetadata> objects) {
    List<RefusedObject> refused = new ArrayList<>();
    for (HasMetadata object : objects) {
      try {
        client.resource(object).dryRun().create();
      } catch (KubernetesClientException e) {
        String message =
            e.getStatus() != null && e.getStatus().getMessage() != null
                ? e.getStatus().getMessage()
                : e.getMessage();
        refused.add(
            new RefusedObject(
                object.getKind(), object.getMetadata().getName(), e.getCode(), message));
      }
    }
    return refused;
  }

  /** Throws {@link BuildObjectsRefusedException} naming every refused object. */
  public void requireAccepted(List<? extends HasMetadata> objects) {
    List<RefusedObject> refused = check(objects);
    if (!refused.isEmpty()) {
      throw new BuildObjectsRefusedException(refused);
    }
  }
}
