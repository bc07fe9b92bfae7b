package org.starlingx.stxbuild.engine.repo.pulp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A flat apt repository served over HTTP from this process for the time of one Pulp sync: Pulp
 * takes a whole batch of packages in one sync task instead of one upload and one task per package,
 * and fetches only the files it does not hold yet (it looks up every file's sha256 before
 * downloading). The feed serves only its own index and files, under a random path, and only while
 * it is open.
 *
 * <p>Pulp must reach this process: the feed listens on the local address of the route to Pulp's API
 * (the pod's address in a cluster, loopback when Pulp is local), or on {@code
 * STX_PULP_FEED_ADDRESS} when that is set.
 */
final class PulpPackageFeed implements AutoCloseable {
  static final String ADDRESS_VARIABLE = "STX_PULP_FEED_ADDRESS";

  private final HttpServer server;
  private final ExecutorService executor;
  private final String token;
  private final Map<String, byte[]> indexes;
  private final Map<String, Path> files;
  private final Set<String> served = ConcurrentHashMap.newKeySet();
  private final AtomicLong bytesServed = new AtomicLong();

  /**
   * @param indexes index files by path relative to the repository root ({@code Release}, {@code
   *     Packages})
   * @param files package files by path relative to the repository root
   */
  PulpPackageFeed(URI pulpApi, Map<String, byte[]> indexes, Map<String, Path> files) {
    this.indexes = Map.copyOf(indexes);
    this.files = Map.copyOf(files);
    byte[] random = new byte[16];
    new SecureRandom().nextBytes(random);
    this.token = HexFormat.of().formatHex(random);
    InetAddress address = listenAddress(pulpApi);
    try {
      server = HttpServer.create(new InetSocketAddress(address, 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen on " + address.getHostAddress() + " to feed packages to Pulp", e);
    }
    // Pulp downloads several files at once; a few threads keep it from waiting on one another.
    executor =
        Executors.newFixedThreadPool(
            4,
            runnable -> {
              Thread thread = new Thread(runnable, "pulp-package-feed");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.createContext("/" + token + "/", this::serve);
    server.start();
  }

  /** The repository root Pulp syncs from. */
  URI url() {
    InetSocketAddress bound = server.getAddress();
    String host = bound.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + bound.getPort() + "/" + token + "/");
  }

  /** Package files Pulp fetched, by path: the ones it did not hold before. */
  Set<String> served() {
    return Set.copyOf(served);
  }

  /** Bytes of package files Pulp fetched. */
  long bytesServed() {
    return bytesServed.get();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path =
          URLDecoder.decode(
              exchange.getRequestURI().getRawPath().substring(token.length() + 2),
              StandardCharsets.UTF_8);
      boolean head = "HEAD".equals(exchange.getRequestMethod());
      byte[] index = indexes.get(path);
      Path file = files.get(path);
      if (index == null && file == null || !head && !"GET".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      long size = index != null ? index.length : Files.size(file);
      exchange.sendResponseHeaders(200, head ? -1 : size);
      if (head) {
        return;
      }
      try (OutputStream out = exchange.getResponseBody()) {
        if (index != null) {
          out.write(index);
        } else {
          Files.copy(file, out);
          served.add(path);
          bytesServed.addAndGet(size);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static InetAddress listenAddress(URI pulpApi) {
    String configured = System.getenv(ADDRESS_VARIABLE);
    try {
      if (configured != null && !configured.isBlank()) {
        return InetAddress.getByName(configured.strip());
      }
      // The local end of the route to Pulp is an address Pulp can answer to.
      try (DatagramSocket probe = new DatagramSocket()) {
        int port = pulpApi.getPort() > 0 ? pulpApi.getPort() : 80;
        probe.connect(InetAddress.getByName(pulpApi.getHost()), port);
        InetAddress local = probe.getLocalAddress();
        return local.isAnyLocalAddress() ? InetAddress.getLocalHost() : local;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot find an address Pulp at "
              + pulpApi
              + " can reach this process on; set "
              + ADDRESS_VARIABLE,
          e);
    }
  }
}
