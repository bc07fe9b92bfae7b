package org.starlingx.stxbuild.engine.repo.pulp;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.starlingx.stxbuild.engine.repo.AptSource;

/**
 * The branch's last good build, which the images, wheels and helm charts commands hand to their
 * tools, is read at the configured content URL like every other published URL; a release's apt
 * line, printed for people, keeps Pulp's origin. Against a scripted stand-in of Pulp's API.
 */
class PulpBranchSourceTest {
  private static final String ORIGIN = "http://127.0.0.1:24816";
  private final Map<String, String> answers =
      Map.of(
          "/pulp/api/v3/status/",
          "{\"content_settings\":{\"content_origin\":\"" + ORIGIN + "\"}}",
          "/pulp/api/v3/distributions/deb/apt/",
          "{\"results\":[{\"pulp_href\":\"/pulp/api/v3/distributions/deb/apt/1/\","
              + "\"name\":\"n\",\"base_path\":\"stx/branches/main\","
              + "\"base_url\":\""
              + ORIGIN
              + "/pulp/content/stx/branches/main/\"}],\"next\":null}");
  private HttpServer server;
  private URI api;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::answer);
    server.start();
    api = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private PulpPackageRepository repository(URI contentUrl) {
    return new PulpPackageRepository(
        new PulpClient(
            new PulpConnection(api, api, "admin", "secret", Duration.ofSeconds(2)), contentUrl),
        null);
  }

  @Test
  void theBranchSourceIsReadAtTheContentUrlAndAReleaseKeepsPulpsOrigin() {
    PulpPackageRepository inPod = repository(URI.create("http://10.213.0.1:24816"));
    AptSource branch = inPod.branchSource("main").orElseThrow();
    assertThat(branch.sourcesListLine())
        .isEqualTo(
            "deb [trusted=yes] http://10.213.0.1:24816/pulp/content/stx/branches/main/ default all");
    assertThat(inPod.releaseSource("stx-10").orElseThrow().url().toString()).startsWith(ORIGIN);
  }

  @Test
  void withoutAContentUrlTheBranchSourceIsAsPublished() {
    AptSource branch = repository(null).branchSource("main").orElseThrow();
    assertThat(branch.url()).hasToString(ORIGIN + "/pulp/content/stx/branches/main/");
  }

  private void answer(HttpExchange exchange) throws IOException {
    byte[] body =
        answers
            .getOrDefault(exchange.getRequestURI().getPath(), "{}")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(
        answers.containsKey(exchange.getRequestURI().getPath()) ? 200 : 404, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }
}
