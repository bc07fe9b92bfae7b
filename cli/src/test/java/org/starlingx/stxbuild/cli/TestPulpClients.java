package org.starlingx.stxbuild.cli;

import org.starlingx.stxbuild.engine.repo.pulp.PulpClient;
import org.starlingx.stxbuild.engine.repo.pulp.PulpConnection;
import org.starlingx.stxbuild.testenv.pulp.PulpEndpoint;

/**
 * Engine clients for the Pulp that testenv/ started (the CLI's twin of the engine's tests' one).
 */
final class TestPulpClients {
  private TestPulpClients() {}

  static PulpClient connect(PulpEndpoint endpoint) {
    return new PulpClient(
        new PulpConnection(
            endpoint.apiUrl(), endpoint.contentUrl(), endpoint.username(), endpoint.password()));
  }
}
