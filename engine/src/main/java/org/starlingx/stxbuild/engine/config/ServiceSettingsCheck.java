package org.starlingx.stxbuild.engine.config;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.starlingx.stxbuild.engine.pods.BuildPodFactory;
import org.starlingx.stxbuild.engine.scope.BuildScope;
import org.starlingx.stxbuild.engine.scope.NamespaceStrategy;
import org.starlingx.stxbuild.engine.scope.NamingPolicy;
import org.starlingx.stxbuild.engine.scope.ScopeNames;

/**
 * Checks of the build service settings a person types into a form (the Jenkins global
 * configuration, a CasC file): each returns the problem in words, or nothing when the value is
 * fine. A Pulp URL is checked by asking Pulp.
 */
public final class ServiceSettingsCheck {
  /** A problem with a setting. */
  public record Problem(boolean error, String message) {}

  private ServiceSettingsCheck() {}

  public static Optional<Problem> pulpUrl(String value) {
    if (value == null || value.isBlank()) {
      return Optional.of(
          new Problem(false, "No Pulp URL: builds use a repository inside their own pod only."));
    }
    URI uri;
    try {
      uri = URI.create(value.strip());
    } catch (IllegalArgumentException e) {
      return Optional.of(
          new Problem(true, "'" + value + "' is not a URL; expected e.g. http://pulp:24817"));
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
        || uri.getHost() == null) {
      return Optional.of(
          new Problem(
              true, "'" + value + "' is not an http(s) URL; expected e.g. http://pulp:24817"));
    }
    URI status = uri.resolve("/pulp/api/v3/status/");
    try {
      HttpResponse<Void> response =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(5))
              .build()
              .send(
                  HttpRequest.newBuilder(status).timeout(Duration.ofSeconds(10)).build(),
                  HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() != 200) {
        return Optional.of(
            new Problem(
                true,
                "Pulp at "
                    + status
                    + " answered HTTP "
                    + response.statusCode()
                    + "; expected 200"));
      }
      return Optional.empty();
    } catch (java.io.IOException e) {
      return Optional.of(
          new Problem(
              true,
              "Pulp at "
                  + status
                  + " does not answer: "
                  + e.getClass().getSimpleName()
                  + (e.getMessage() == null ? "" : " " + e.getMessage())));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of(new Problem(true, "interrupted while asking " + status));
    }
  }

  public static Optional<Problem> namespaceStrategy(String value) {
    try {
      NamespaceStrategy.parse(value);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(new Problem(true, e.getMessage()));
    }
  }

  public static Optional<Problem> namespaceName(String value) {
    try {
      new NamingPolicy(NamespaceStrategy.SHARED, value, "stx-");
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(new Problem(true, e.getMessage()));
    }
  }

  public static Optional<Problem> retentionDays(String value) {
    try {
      int days = Integer.parseInt(value.strip());
      return days >= 1
          ? Optional.empty()
          : Optional.of(new Problem(true, "retention days is " + days + "; expected 1 or more"));
    } catch (RuntimeException e) {
      return Optional.of(
          new Problem(true, "retention days '" + value + "' is not a number; expected e.g. 14"));
    }
  }

  public static Optional<Problem> podYaml(String value) {
    try {
      new BuildPodFactory(
              new ScopeNames(new BuildScope("check", "check", "check", "1"), NamingPolicy.DEFAULT),
              java.util.Map.of())
          .agentPod(value);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(new Problem(true, e.getMessage()));
    }
  }
}
