package org.starlingx.stxbuild.testenv.corpus;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Serves a {@link CorpusUpstream} cache on loopback laid out as StarlingX's OS mirror is: {@code
 * <base>debian/<host>/<path>} for the upstream URL {@code https://<host>/<path>}. StarlingX's
 * debrepack finds it with {@code OS_MIRROR_URL=<base>} and {@code STX_MIRROR_STRATEGY=stx_mirror};
 * this project's preparer with the mirror rewrites {@link #rewrites()}. Only GET and HEAD of files
 * inside the cache are answered; anything else is 404.
 */
public final class LoopbackUpstream implements AutoCloseable {
  /** StarlingX's default {@code OS_MIRROR_DL_PATH}. */
  private static final String PREFIX = "/debian/";

  private final Path root;
  private final HttpServer server;

  public LoopbackUpstream(Path cache) throws IOException {
    this.root = cache.toAbsolutePath().normalize();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/", this::serve);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  /** {@code http://127.0.0.1:<port>/}: StarlingX's {@code OS_MIRROR_URL}. */
  public URI base() {
    return URI.create(
        "http://"
            + server.getAddress().getHostString()
            + ":"
            + server.getAddress().getPort()
            + "/");
  }

  /** Mirror rewrites that send this project's fetches for any upstream URL here. */
  public Map<String, String> rewrites() {
    String mirror = base() + PREFIX.substring(1);
    return Map.of("https://", mirror, "http://", mirror);
  }

  /** The environment that points StarlingX's debrepack (utils.get_download_url) here. */
  public Map<String, String> starlingxEnvironment() {
    return Map.of("OS_MIRROR_URL", base().toString(), "STX_MIRROR_STRATEGY", "stx_mirror");
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      Path file = null;
      if (path.startsWith(PREFIX)) {
        Path candidate = root.resolve(path.substring(PREFIX.length())).normalize();
        if (candidate.startsWith(root) && Files.isRegularFile(candidate)) {
          file = candidate;
        }
      }
      if (file == null || !(method.equals("GET") || method.equals("HEAD"))) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      long size = Files.size(file);
      if (method.equals("HEAD")) {
        exchange.getResponseHeaders().add("Content-Length", String.valueOf(size));
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      exchange.sendResponseHeaders(200, size);
      try (OutputStream out = exchange.getResponseBody()) {
        Files.copy(file, out);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
