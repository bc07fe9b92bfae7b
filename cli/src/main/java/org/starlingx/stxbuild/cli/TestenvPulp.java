package org.starlingx.stxbuild.cli;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.starlingx.stxbuild.engine.repo.pulp.PulpClient;
import org.starlingx.stxbuild.engine.repo.pulp.PulpConnection;

/** The Pulp that {@code testenv/pulp.sh up} started, read from its connection file. */
final class TestenvPulp {
  private TestenvPulp() {}

  static PulpClient client() throws IOException {
    String home = System.getenv("STX_TESTENV_HOME");
    Path base =
        home != null && !home.isBlank()
            ? Path.of(home)
            : Path.of(System.getProperty("user.home"), ".cache", "starlingx-build", "testenv");
    Path file = base.resolve("pulp").resolve("connection.properties");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "--pulp needs the testenv Pulp: " + file + " is missing; run testenv/pulp.sh up");
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    }
    String password = Files.readString(Path.of(properties.getProperty("password.file"))).strip();
    return new PulpClient(
        new PulpConnection(
            URI.create(properties.getProperty("url")),
            URI.create(properties.getProperty("content.url")),
            properties.getProperty("username"),
            password));
  }
}
