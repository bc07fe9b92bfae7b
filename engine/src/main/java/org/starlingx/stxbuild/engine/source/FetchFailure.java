package org.starlingx.stxbuild.engine.source;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.HashSet;
import java.util.Set;

/**
 * Why a download failed, in words a user can act on. Java's HTTP client reports an unknown host or
 * a refused connection as a {@link ConnectException} without a message (its cause chain says what
 * happened), which would otherwise reach the user as "null".
 */
public final class FetchFailure {
  private FetchFailure() {}

  /** The reason fetching {@code url} failed with {@code failure}; never null or empty. */
  public static String reason(URI url, Throwable failure) {
    String host = url.getHost() == null ? String.valueOf(url) : url.getHost();
    if (has(failure, UnresolvedAddressException.class)
        || has(failure, UnknownHostException.class)) {
      return "host " + host + " could not be resolved (no DNS answer: not reachable from here)";
    }
    if (has(failure, HttpConnectTimeoutException.class)) {
      return "host " + host + " did not accept a connection in time (connect timed out)";
    }
    if (has(failure, HttpTimeoutException.class)) {
      return "host " + host + " did not answer in time (request timed out)";
    }
    if (has(failure, ConnectException.class)) {
      String message = firstMessage(failure);
      return "host "
          + host
          + (url.getPort() > 0 ? ":" + url.getPort() : "")
          + " could not be connected to ("
          + (message == null ? "connection refused or closed" : message)
          + ")";
    }
    if (failure.getMessage() != null && !failure.getMessage().isBlank()) {
      return failure.getMessage(); // already says what failed (an HTTP status, a file's path)
    }
    String message = firstMessage(failure);
    return "reading from host "
        + host
        + " failed ("
        + (message == null ? failure.getClass().getSimpleName() : message)
        + ")";
  }

  private static boolean has(Throwable failure, Class<? extends Throwable> type) {
    Set<Throwable> seen = new HashSet<>();
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String firstMessage(Throwable failure) {
    Set<Throwable> seen = new HashSet<>();
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        return t.getMessage();
      }
    }
    return null;
  }

  /** An IOException whose message is {@link #reason}, the original kept as its cause. */
  static IOException of(URI url, IOException failure) {
    return new IOException(reason(url, failure), failure);
  }
}
