package org.starlingx.stxbuild.engine.repo.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Serves a directory over HTTP on loopback, as an upstream would, and records what was asked. */
public final class StaticFileServer implements AutoCloseable {
  private final HttpServer server;
  private final List<String> requested = new CopyOnWriteArrayList<>();

  public StaticFileServer(Path root) throws IOException {
    Path base = root.toAbsolutePath().normalize();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          requested.add(path);
          Path file = base.resolve(path.substring(1)).normalize();
          if (!file.startsWith(base) || !Files.isRegularFile(file)) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
          }
          boolean head = "HEAD".equals(exchange.getRequestMethod());
          exchange.sendResponseHeaders(200, head ? -1 : Files.size(file));
          if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
              Files.copy(file, out);
            }
          }
          exchange.close();
        });
    server.start();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /** Paths requested so far, in order. */
  public List<String> requested() {
    return List.copyOf(requested);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
