package org.starlingx.stxbuild.engine.images;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * What an image build pod logs in to its registry with: the content of a docker {@code config.json}
 * (the {@code .dockerconfigjson} of a Kubernetes Secret). Made from a username and password, or
 * taken as it is from a docker config file; never printed (toString hides it).
 */
public final class RegistryLogin {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String dockerConfigJson;

  private RegistryLogin(String dockerConfigJson) {
    this.dockerConfigJson = dockerConfigJson;
  }

  public static RegistryLogin usernamePassword(String registry, String username, String password) {
    if (registry == null || registry.isBlank()) {
      throw new IllegalArgumentException(
          "registry login: the registry is not set; expected a host such as registry.example:5000");
    }
    String auth =
        Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    try {
      return new RegistryLogin(
          JSON.writeValueAsString(Map.of("auths", Map.of(registry, Map.of("auth", auth)))));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the registry credentials", e);
    }
  }

  /**
   * A docker config file's content, checked to be JSON with an {@code auths} object; {@code where}
   * names it in errors, which never quote the content.
   */
  public static RegistryLogin dockerConfig(String content, String where) {
    JsonNode config;
    try {
      config = JSON.readTree(content);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          where
              + " is not JSON (line "
              + e.getLocation().getLineNr()
              + "); expected a docker config.json");
    }
    if (config == null || !config.path("auths").isObject() || config.path("auths").isEmpty()) {
      throw new IllegalArgumentException(
          where
              + " has no \"auths\" entries; expected a docker config.json such as docker login writes");
    }
    return new RegistryLogin(content);
  }

  /** The registries it holds logins for. */
  public java.util.List<String> registries() {
    try {
      java.util.List<String> names = new java.util.ArrayList<>();
      JSON.readTree(dockerConfigJson).path("auths").fieldNames().forEachRemaining(names::add);
      return names;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The docker config.json content: a secret, for a Secret, a 0600 file or an environment. */
  public String dockerConfigJson() {
    return dockerConfigJson;
  }

  /** Every credential value it holds ({@code auth}, {@code password}, tokens), for log masking. */
  public java.util.List<String> secretValues() {
    java.util.List<String> values = new java.util.ArrayList<>();
    try {
      JSON.readTree(dockerConfigJson)
          .path("auths")
          .forEach(
              entry ->
                  entry
                      .fields()
                      .forEachRemaining(
                          field -> {
                            if (field.getValue().isTextual()
                                && !field.getKey().equals("username")) {
                              values.add(field.getValue().asText());
                            }
                          }));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return values;
  }

  @Override
  public String toString() {
    return "RegistryLogin" + registries();
  }
}
