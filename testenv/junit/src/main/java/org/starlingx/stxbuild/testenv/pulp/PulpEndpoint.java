package org.starlingx.stxbuild.testenv.pulp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The Pulp that {@code testenv/pulp.sh up} started, as its {@code connection.properties} describes.
 *
 * @param apiUrl the API origin
 * @param contentUrl the content app origin
 * @param username admin user
 * @param password admin password, read from the file the script keeps (never printed)
 * @param signingService name of the apt Release signing service the script registered
 * @param signingKeyring public keyring that verifies what that service signs
 */
public record PulpEndpoint(
    URI apiUrl,
    URI contentUrl,
    String username,
    String password,
    String signingService,
    Path signingKeyring) {

  /** Reads {@code <testenv home>/pulp/connection.properties}. */
  public static PulpEndpoint read(Path testenvHome) {
    Path file = testenvHome.resolve("pulp").resolve("connection.properties");
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "No Pulp test server: " + file + " is missing. Start one with: testenv/pulp.sh up");
    }
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(in);
      return new PulpEndpoint(
          URI.create(required(properties, "url", file)),
          URI.create(required(properties, "content.url", file)),
          required(properties, "username", file),
          Files.readString(Path.of(required(properties, "password.file", file))).strip(),
          required(properties, "signing.service", file),
          Path.of(required(properties, "signing.keyring", file)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  @Override
  public String toString() {
    return "PulpEndpoint[" + apiUrl + ", content " + contentUrl + ", user " + username + "]";
  }

  private static String required(Properties properties, String key, Path file) {
    String value = properties.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(file + " has no '" + key + "'; run testenv/pulp.sh up again");
    }
    return value;
  }
}
