package org.starlingx.stxbuild.testenv.pulp;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.starlingx.stxbuild.testenv.TestenvHome;

/**
 * Hands an integration test the real Pulp started by {@code testenv/pulp.sh up} as a {@link
 * PulpEndpoint} parameter, after checking that it answers.
 */
public final class PulpServerExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(PulpServerExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
    return parameter.getParameter().getType() == PulpEndpoint.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
    return extension
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(PulpEndpoint.class, key -> reachableEndpoint(), PulpEndpoint.class);
  }

  private static PulpEndpoint reachableEndpoint() {
    PulpEndpoint endpoint = PulpEndpoint.read(TestenvHome.path());
    URI status = endpoint.apiUrl().resolve("/pulp/api/v3/status/");
    try {
      HttpURLConnection connection = (HttpURLConnection) status.toURL().openConnection();
      connection.setConnectTimeout(5000);
      connection.setReadTimeout(10000);
      int code = connection.getResponseCode();
      connection.disconnect();
      if (code != 200) {
        throw new ParameterResolutionException(
            "Pulp at " + status + " answered " + code + "; check testenv/pulp.sh status");
      }
    } catch (IOException e) {
      throw new ParameterResolutionException(
          "Pulp at " + status + " does not answer (" + e.getMessage() + "); run testenv/pulp.sh up",
          e);
    }
    return endpoint;
  }
}
