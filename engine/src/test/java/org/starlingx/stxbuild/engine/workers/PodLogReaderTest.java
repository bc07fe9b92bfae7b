package org.starlingx.stxbuild.engine.workers;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reading a finished pod's log against a fake API server on loopback: the server's answers are what
 * the real one gives (a 500 at once when the node's kubelet cannot be reached, as for KWOK nodes; a
 * 429 when throttled; silence from a lost node).
 */
class PodLogReaderTest {
  private static final String LOG_PATH = "/api/v1/namespaces/builds/pods/pkg-foo/log";
  private HttpServer server;
  private KubernetesClient client;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger answered = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.start();
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl("http://127.0.0.1:" + server.getAddress().getPort())
            .withRequestRetryBackoffInterval(1) // the client's retries, if any, cost no time here
            .build();
    client = new KubernetesClientBuilder().withConfig(config).build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop(0);
  }

  private interface Answer {
    void answer(HttpExchange exchange, int n) throws IOException;
  }

  private void serve(Answer answer) {
    // Before the log, fabric8 lists the pod to see it ready or ended: a finished build pod.
    server.createContext(
        "/api/v1/namespaces/builds/pods",
        exchange -> {
          send(
              exchange,
              200,
              "application/json",
              "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\"1\"},"
                  + "\"items\":[{\"metadata\":{\"name\":\"pkg-foo\",\"namespace\":\"builds\","
                  + "\"resourceVersion\":\"1\"},\"status\":{\"phase\":\"Succeeded\"}}]}");
          exchange.close();
        });
    server.createContext(
        LOG_PATH,
        exchange -> {
          requests.add(exchange.getRequestURI().toString());
          answer.answer(exchange, answered.incrementAndGet());
          exchange.close();
        });
  }

  private static void send(HttpExchange exchange, int code, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(code, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static String status(int code, String message) {
    return "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\""
        + message
        + "\",\"code\":"
        + code
        + "}";
  }

  /** A bound no answer of the fake server comes near, even on a loaded machine. */
  private static final Duration AMPLE = Duration.ofSeconds(60);

  private String read(Duration timeout) {
    return new PodLogReader(client, timeout).read("builds", "pkg-foo", "pkgbuilder");
  }

  @Test
  void theBuildContainersLogIsRead() {
    serve((exchange, n) -> send(exchange, 200, "text/plain", "dpkg-buildpackage: done\n"));

    assertThat(read(AMPLE)).isEqualTo("dpkg-buildpackage: done\n");
    assertThat(requests).singleElement().asString().contains("container=pkgbuilder");
  }

  @Test
  void aNodeThatServesNoLogIsAskedOnceNotRetried() {
    // What the API server answers at once for a pod on a KWOK node (no kubelet behind its address).
    serve(
        (exchange, n) ->
            send(
                exchange,
                500,
                "application/json",
                status(500, "Get https://10.1.0.1:10250/containerLogs/builds/pkg-foo: tls")));

    String log = read(AMPLE);

    assertThat(log)
        .isEqualTo(
            "(no log from the pod: Get https://10.1.0.1:10250/containerLogs/builds/pkg-foo: tls)\n");
    assertThat(requests).hasSize(1);
  }

  @Test
  void theClientAloneWouldHaveRetriedTheSameAnswer() {
    // Why the reader turns the client's retries off: fabric8 retries any 5xx.
    serve((exchange, n) -> send(exchange, 500, "application/json", status(500, "no kubelet")));

    try {
      client.pods().inNamespace("builds").withName("pkg-foo").inContainer("pkgbuilder").getLog();
    } catch (RuntimeException expected) {
      // the answer is an error either way
    }

    assertThat(requests).hasSizeGreaterThan(1);
  }

  @Test
  void throttlingIsWaitedOut() {
    serve(
        (exchange, n) -> {
          if (n == 1) {
            send(exchange, 429, "application/json", status(429, "too many requests"));
          } else {
            send(exchange, 200, "text/plain", "built\n");
          }
        });

    assertThat(read(AMPLE)).isEqualTo("built\n");
    assertThat(requests).hasSize(2);
  }

  @Test
  void aNodeThatNeverAnswersIsCutOffAtTheBound() {
    serve(
        (exchange, n) -> {
          try {
            Thread.sleep(1500);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          send(exchange, 200, "text/plain", "too late\n");
        });

    assertThat(read(Duration.ofMillis(300))).startsWith("(no log from the pod within ");
  }
}
