package org.starlingx.stxbuild.engine.repo.pulp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class PulpConnectionTest {

  @Test
  void neverPrintsThePassword() {
    PulpConnection connection =
        new PulpConnection(
            URI.create("http://127.0.0.1:24817"),
            URI.create("http://127.0.0.1:24816"),
            "admin",
            "s3cret-value");
    assertThat(connection.toString()).doesNotContain("s3cret-value").contains("admin");
  }

  @Test
  void keepsOnlyTheOriginOfTheUrls() {
    PulpConnection connection =
        new PulpConnection(
            URI.create("https://pulp.example:8443/some/path"),
            URI.create("https://pulp.example:8444"),
            "u",
            "p");
    assertThat(connection.apiUrl()).hasToString("https://pulp.example:8443/");
    assertThat(connection.api("/pulp/api/v3/status/"))
        .hasToString("https://pulp.example:8443/pulp/api/v3/status/");
  }

  @Test
  void refusesAUrlThatIsNotHttp() {
    assertThatThrownBy(
            () -> new PulpConnection(URI.create("ftp://pulp"), URI.create("http://pulp"), "u", "p"))
        .hasMessageContaining("Pulp API URL 'ftp://pulp'")
        .hasMessageContaining("http or https");
  }
}
