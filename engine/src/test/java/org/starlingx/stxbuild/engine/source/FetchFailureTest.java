package org.starlingx.stxbuild.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.repo.MirrorDownload;

/**
 * A failed download says why in words, never "null": Java's HTTP client throws a {@link
 * ConnectException} without a message for an unknown host (pcm's .dsc on snapshot.debian.org, from
 * a machine that cannot resolve it, came out as "cannot fetch pcm_202207-1.dsc from ...: null").
 */
class FetchFailureTest {
  @TempDir Path work;

  private static final URI SNAPSHOT =
      URI.create(
          "https://snapshot.debian.org/archive/debian/20220911T211006Z/pool/main/p/pcm/pcm_202207-1.dsc");

  @Test
  void anUnresolvableHostIsNamedNotNull() {
    // What the JDK's HttpClient throws when DNS has no answer (seen on this machine).
    ConnectException thrown = new ConnectException();
    ConnectException inner = new ConnectException();
    inner.initCause(new UnresolvedAddressException());
    thrown.initCause(inner);

    assertThat(FetchFailure.reason(SNAPSHOT, thrown))
        .isEqualTo(
            "host snapshot.debian.org could not be resolved (no DNS answer: not reachable from here)")
        .doesNotContain("null");
  }

  @Test
  void aRefusedConnectionNamesHostAndPort() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    URI url = URI.create("http://127.0.0.1:" + closedPort + "/pcm_202207-1.dsc");

    assertThatThrownBy(
            () ->
                new LocalMirrorFetcher(work.resolve("mirror"), Map.of())
                    .fetchUnpinned(url, "pcm_202207-1.dsc", work.resolve("out")))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageStartingWith("cannot fetch pcm_202207-1.dsc from " + url + ": host 127.0.0.1:")
        .hasMessageContaining("could not be connected to")
        .hasMessageNotContaining("null");
  }

  @Test
  void aPinnedDownloadSaysWhyToo() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    URI url = URI.create("http://127.0.0.1:" + closedPort + "/far-1.0.tar.gz");
    MirrorDownload download = new MirrorDownload("far-1.0.tar.gz", url, "sha256", "0".repeat(64));

    assertThatThrownBy(
            () -> new LocalMirrorFetcher(work.resolve("mirror"), Map.of()).ensure(download))
        .hasMessageStartingWith("cannot fetch far-1.0.tar.gz from " + url + ": host 127.0.0.1:")
        .hasMessageNotContaining("null");
  }

  @Test
  void anHttpStatusIsKeptAsTheReason() throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    server.start();
    try {
      URI url =
          URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/pcm_202207-1.dsc");
      assertThatThrownBy(
              () ->
                  new LocalMirrorFetcher(work.resolve("mirror"), Map.of())
                      .fetchUnpinned(url, "pcm_202207-1.dsc", work.resolve("out")))
          .hasMessage("cannot fetch pcm_202207-1.dsc from " + url + ": HTTP 404 from " + url);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void anExceptionWithoutAnyMessageIsNamedByItsKind() {
    assertThat(FetchFailure.reason(SNAPSHOT, new java.io.IOException()))
        .isEqualTo("reading from host snapshot.debian.org failed (IOException)");
  }
}
