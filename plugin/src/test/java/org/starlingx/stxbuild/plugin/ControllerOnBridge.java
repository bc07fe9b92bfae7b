package org.starlingx.stxbuild.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * JenkinsRule's controller as the pods of testenv's real node see it: JenkinsRule's Jetty listens
 * on loopback only, and pods reach the host only at the bridge address, so socat forwards the
 * controller's port from the bridge address to loopback, as testenv/kube/real-node.sh does for Pulp
 * and the registry. Nothing listens anywhere but on the bridge and loopback.
 */
final class ControllerOnBridge implements AutoCloseable {
  private final Process socat;
  private final String url;

  private ControllerOnBridge(Process socat, String url) {
    this.socat = socat;
    this.url = url;
  }

  /** Forwards {@code controller}'s port from {@code bridgeAddress}; returns once it listens. */
  static ControllerOnBridge forward(URL controller, String bridgeAddress, Path log) {
    int port = controller.getPort();
    try {
      Process socat =
          new ProcessBuilder(
                  List.of(
                      "socat",
                      "TCP-LISTEN:" + port + ",bind=" + bridgeAddress + ",reuseaddr,fork",
                      "TCP:127.0.0.1:" + port))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (true) {
        try (Socket probe = new Socket()) {
          probe.connect(new InetSocketAddress(bridgeAddress, port), 500);
          break;
        } catch (IOException notYet) {
          if (!socat.isAlive() || System.nanoTime() > deadline) {
            socat.destroyForcibly();
            throw new IllegalStateException(
                "socat could not forward " + bridgeAddress + ":" + port + " (log: " + log + ")");
          }
          TimeUnit.MILLISECONDS.sleep(100);
        }
      }
      String path = controller.getPath().isEmpty() ? "/" : controller.getPath();
      return new ControllerOnBridge(socat, "http://" + bridgeAddress + ":" + port + path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start socat (testenv/kube.sh up installs it)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted starting socat", e);
    }
  }

  /**
   * The controller's URL for the cloud's {@code jenkinsUrl}, e.g. http://10.213.0.1:PORT/jenkins/.
   */
  String url() {
    return url;
  }

  @Override
  public void close() {
    socat.destroy();
    try {
      if (!socat.waitFor(5, TimeUnit.SECONDS)) {
        socat.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
