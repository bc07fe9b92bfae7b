package org.starlingx.stxbuild.engine.repo.pulp;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where a Pulp server answers and how to log in.
 *
 * @param apiUrl the API origin, for example {@code http://127.0.0.1:24817}
 * @param contentUrl the content app origin that serves distributions
 * @param username user for basic authentication
 * @param password password for basic authentication; never printed
 * @param taskTimeout how long to wait for one Pulp task before giving up
 */
public record PulpConnection(
    URI apiUrl, URI contentUrl, String username, String password, Duration taskTimeout) {

  public PulpConnection {
    apiUrl = origin(apiUrl, "Pulp API URL");
    contentUrl = origin(contentUrl, "Pulp content URL");
    Objects.requireNonNull(username, "Pulp username");
    Objects.requireNonNull(password, "Pulp password");
    Objects.requireNonNull(taskTimeout, "Pulp task timeout");
  }

  public PulpConnection(URI apiUrl, URI contentUrl, String username, String password) {
    this(apiUrl, contentUrl, username, password, Duration.ofMinutes(10));
  }

  /** Resolves an API path such as {@code /pulp/api/v3/tasks/} or a full href against the API. */
  URI api(String pathOrHref) {
    return apiUrl.resolve(pathOrHref);
  }

  @Override
  public String toString() {
    return "PulpConnection[" + apiUrl + ", content " + contentUrl + ", user " + username + "]";
  }

  private static URI origin(URI url, String what) {
    Objects.requireNonNull(url, what);
    String scheme = url.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme) || url.getHost() == null) {
      throw new IllegalArgumentException(
          what + " '" + url + "' must be an http or https URL such as http://pulp.example:24817");
    }
    return URI.create(scheme + "://" + url.getRawAuthority() + "/");
  }
}
