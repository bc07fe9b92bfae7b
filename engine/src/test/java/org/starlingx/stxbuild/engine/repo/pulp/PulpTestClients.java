package org.starlingx.stxbuild.engine.repo.pulp;

import org.starlingx.stxbuild.testenv.pulp.PulpEndpoint;

/** Builds engine clients for the Pulp that testenv/ started. */
public final class PulpTestClients {
  private PulpTestClients() {}

  public static PulpClient connect(PulpEndpoint endpoint) {
    return new PulpClient(
        new PulpConnection(
            endpoint.apiUrl(), endpoint.contentUrl(), endpoint.username(), endpoint.password()));
  }

  /** Deletes every distribution and repository (deb and file) carrying {@code label=value}. */
  public static void deleteLabelled(PulpClient pulp, String selector) {
    for (PulpRepositories type :
        java.util.List.of(pulp.deb().repositories(), pulp.files().repositories())) {
      type.distributionsLabelled(selector).forEach(d -> pulp.delete(d.href()));
      type.labelled(selector).forEach(r -> pulp.delete(r.href()));
    }
  }
}
