package org.starlingx.stxbuild.engine.workers;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.RequestConfigBuilder;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads a finished package pod's log through the API server, which fetches it from the node's
 * kubelet, while the package still holds its build slot: so the read must cost nothing when the
 * node serves no log.
 *
 * <p>The client's own retries are off for this read: fabric8 retries every 5xx answer with a
 * growing back-off (0.1 s, 0.2 s, 0.4 s, ...), and the API server answers 500 at once when it
 * cannot reach the node's kubelet (a lost node, or a KWOK node that has no kubelet), so each
 * package paid the whole bound for a log that could never come. Only throttling (429) is retried,
 * within the bound; a node that does not answer at all is still cut off at the bound.
 */
final class PodLogReader {
  /** The bound on one log read, a lost node's kubelet included. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private static final long THROTTLED_PAUSE_MILLIS = 200;
  private final KubernetesClient client;
  private final Duration timeout;

  PodLogReader(KubernetesClient client, Duration timeout) {
    // Shares the client's HTTP client and settings; only the retry limit differs. Never closed:
    // closing it would close the shared HTTP client.
    this.client =
        client
            .newClient(
                new RequestConfigBuilder(client.getConfiguration().getRequestConfig())
                    .withRequestRetryBackoffLimit(0)
                    .build())
            .adapt(KubernetesClient.class);
    this.timeout = timeout;
  }

  /**
   * The container's log, or one line in parentheses saying why there is none (the server's words,
   * or the bound that passed): a missing log never fails the package.
   */
  String read(String namespace, String pod, String container) {
    long deadline = System.nanoTime() + timeout.toNanos();
    CompletableFuture<String> fetch =
        CompletableFuture.supplyAsync(() -> fetch(namespace, pod, container, deadline));
    try {
      String log = fetch.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return log == null ? "" : log;
    } catch (TimeoutException e) {
      fetch.cancel(true);
      return String.format(
          java.util.Locale.ROOT,
          "(no log from the pod within %.1f s)%n",
          timeout.toMillis() / 1000.0);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      String why =
          cause instanceof KubernetesClientException k
                  && k.getStatus() != null
                  && k.getStatus().getMessage() != null
              ? k.getStatus().getMessage()
              : cause.getMessage();
      return "(no log from the pod: " + why + ")\n";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "(interrupted while reading the pod's log)\n";
    }
  }

  private String fetch(String namespace, String pod, String container, long deadline) {
    while (true) {
      try {
        return client.pods().inNamespace(namespace).withName(pod).inContainer(container).getLog();
      } catch (KubernetesClientException e) {
        if (e.getCode() != 429
            || System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(THROTTLED_PAUSE_MILLIS)
                > deadline) {
          throw e;
        }
        try {
          Thread.sleep(THROTTLED_PAUSE_MILLIS);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }
}
