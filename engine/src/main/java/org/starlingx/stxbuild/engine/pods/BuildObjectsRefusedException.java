package org.starlingx.stxbuild.engine.pods;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown before a build starts when the API server refuses any of its generated objects. */
public final class BuildObjectsRefusedException extends RuntimeException {
  private final List<RefusedObject> refused;

  public BuildObjectsRefusedException(List<RefusedObject> refused) {
    super(
        "the Kubernetes API server refused "
            + refused.size()
            + " of the build's objects:\n  "
            + refused.stream().map(RefusedObject::toString).collect(Collectors.joining("\n  ")));
    this.refused = List.copyOf(refused);
  }

  public List<RefusedObject> refused() {
    return refused;
  }
}
