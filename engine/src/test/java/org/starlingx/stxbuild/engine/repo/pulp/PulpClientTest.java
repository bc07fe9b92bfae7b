package org.starlingx.stxbuild.engine.repo.pulp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a scripted stand-in on loopback: error handling, never the real protocol. */
class PulpClientTest {
  private static final String PASSWORD = "very-secret-password";
  private static final PulpHttp.RetrySettings FAST =
      new PulpHttp.RetrySettings(2, Duration.ofMillis(10), Duration.ofMillis(20));

  private final Map<String, String[]> answers = new ConcurrentHashMap<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private PulpClient client;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::answer);
    server.start();
    URI origin = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    client =
        new PulpClient(
            new PulpConnection(origin, origin, "admin", PASSWORD, Duration.ofSeconds(2)),
            FAST,
            1024);
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void quotesPulpsOwnMessageWhenARequestIsRefused() {
    answers.put(
        "/pulp/api/v3/repositories/deb/apt/",
        new String[] {"400", "{\"name\":[\"This field must be unique.\"]}"});

    assertThatThrownBy(() -> client.deb().repositories().create("dup", Map.of()))
        .isInstanceOf(PulpException.class)
        .hasMessageContaining("400")
        .hasMessageContaining("This field must be unique.")
        .hasMessageNotContaining(PASSWORD)
        .satisfies(e -> assertThat(((PulpException) e).status()).isEqualTo(400));
    assertThat(authorizations).allMatch(value -> value.startsWith("Basic "));
  }

  @Test
  void retriesWhenPulpSaysItDidNotProcessTheRequest() {
    java.util.concurrent.atomic.AtomicInteger calls =
        new java.util.concurrent.atomic.AtomicInteger();
    server.createContext(
        "/pulp/api/v3/status/",
        exchange -> {
          boolean fail = calls.incrementAndGet() <= 2;
          byte[] body = (fail ? "busy" : "{\"ok\":true}").getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(fail ? 503 : 200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });

    assertThat(client.status().path("ok").asBoolean()).isTrue();
    assertThat(calls).hasValue(3);
  }

  @Test
  void doesNotRetryAClientError() {
    answers.put("/pulp/api/v3/repositories/deb/apt/", new String[] {"400", "{\"name\":[\"bad\"]}"});
    assertThatThrownBy(() -> client.deb().repositories().create("x", Map.of()))
        .isInstanceOf(PulpException.class);
    assertThat(requests).filteredOn(r -> r.contains("/repositories/")).hasSize(1);
  }

  @Test
  void logsInOnceThenUsesTheSessionWithCsrfTokenForChanges() {
    server.createContext(
        "/pulp/api/v3/login/",
        exchange -> {
          requests.add("LOGIN auth=" + exchange.getRequestHeaders().containsKey("Authorization"));
          exchange
              .getResponseHeaders()
              .add("Set-Cookie", "sessionid=s1; Path=/; HttpOnly; Max-Age=3600");
          exchange.getResponseHeaders().add("Set-Cookie", "csrftoken=t1; Path=/; Max-Age=3600");
          exchange.sendResponseHeaders(201, -1);
          exchange.close();
        });
    answers.put("/pulp/api/v3/status/", new String[] {"200", "{}"});
    answers.put(
        "/pulp/api/v3/repositories/deb/apt/", new String[] {"201", "{\"pulp_href\":\"/r/\"}"});

    client.status();
    client.status();
    client.deb().repositories().create("r", Map.of());

    assertThat(requests).filteredOn(r -> r.startsWith("LOGIN")).containsExactly("LOGIN auth=true");
    assertThat(requests)
        .filteredOn(r -> !r.startsWith("LOGIN"))
        .allMatch(
            r -> r.contains("cookie=") && r.contains("sessionid=s1") && r.endsWith("auth=none"));
    assertThat(requests)
        .filteredOn(r -> r.startsWith("POST /pulp/api/v3/repositories/"))
        .singleElement()
        .asString()
        .contains("csrf=t1");
  }

  @Test
  void aFailedTaskRaisesWithPulpsDescription() {
    answers.put(
        "/pulp/api/v3/tasks/1/",
        new String[] {
          "200",
          "{\"pulp_href\":\"/pulp/api/v3/tasks/1/\",\"name\":\"publish\",\"state\":\"failed\","
              + "\"error\":{\"description\":\"No such file: Packages\"}}"
        });

    assertThatThrownBy(() -> client.tasks().waitFor("/pulp/api/v3/tasks/1/"))
        .hasMessageContaining("publish failed")
        .hasMessageContaining("No such file: Packages");
  }

  @Test
  void aTaskThatNeverFinishesTimesOut() {
    answers.put(
        "/pulp/api/v3/tasks/2/",
        new String[] {
          "200", "{\"pulp_href\":\"/pulp/api/v3/tasks/2/\",\"name\":\"sync\",\"state\":\"running\"}"
        });

    assertThatThrownBy(() -> client.tasks().waitFor("/pulp/api/v3/tasks/2/"))
        .hasMessageContaining("still running after 2 s");
  }

  @Test
  void anUnreachableServerIsNamed() {
    PulpClient unreachable =
        new PulpClient(
            new PulpConnection(
                URI.create("http://127.0.0.1:1"), URI.create("http://127.0.0.1:1"), "a", PASSWORD),
            FAST,
            1024);
    assertThatThrownBy(unreachable::status)
        .hasMessageContaining("Pulp did not answer GET http://127.0.0.1:1/pulp/api/v3/status/")
        .hasMessageNotContaining(PASSWORD);
  }

  private void answer(HttpExchange exchange) throws IOException {
    authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
    requests.add(
        exchange.getRequestMethod()
            + " "
            + exchange.getRequestURI().getPath()
            + " cookie="
            + exchange.getRequestHeaders().getFirst("Cookie")
            + " csrf="
            + exchange.getRequestHeaders().getFirst("X-CSRFToken")
            + " auth="
            + (exchange.getRequestHeaders().containsKey("Authorization") ? "basic" : "none"));
    String[] answer =
        answers.getOrDefault(exchange.getRequestURI().getPath(), new String[] {"404", "{}"});
    byte[] body = answer[1].getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(Integer.parseInt(answer[0]), body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }
}
