package org.starlingx.stxbuild.engine.demo;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Serves a directory over HTTP on loopback, read-only: the sample tree's "upstream" for a Pulp that
 * fetches 3rd-party files itself. Only plain file names directly in the directory are served.
 */
public final class StaticUpstream implements AutoCloseable {
  private final HttpServer server;

  public StaticUpstream(Path directory) throws IOException {
    Path root = directory.toAbsolutePath().normalize();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String name = exchange.getRequestURI().getPath().substring(1);
          Path file = root.resolve(name).normalize();
          if (!name.matches("[A-Za-z0-9][A-Za-z0-9._+~-]*")
              || !file.getParent().equals(root)
              || !Files.isRegularFile(file)) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
          }
          exchange.sendResponseHeaders(200, Files.size(file));
          try (OutputStream body = exchange.getResponseBody()) {
            Files.copy(file, body);
          }
        });
    server.start();
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
