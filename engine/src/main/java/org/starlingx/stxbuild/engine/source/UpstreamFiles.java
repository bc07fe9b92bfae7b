package org.starlingx.stxbuild.engine.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/** Copies a file from an http(s) or {@code file:} URL; callers verify what they got. */
public final class UpstreamFiles {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NORMAL)
          .connectTimeout(Duration.ofSeconds(20))
          .build();

  private UpstreamFiles() {}

  public static void copy(URI url, Path target) throws IOException {
    if ("file".equals(url.getScheme())) {
      Files.copy(Path.of(url), target, StandardCopyOption.REPLACE_EXISTING);
      return;
    }
    HttpResponse<InputStream> response;
    try {
      response =
          HTTP.send(
              HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(10)).build(),
              HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while fetching " + url, e);
    } catch (IOException e) {
      // The HTTP client's exceptions often have no message ("null" to the user): say what failed.
      throw FetchFailure.of(url, e);
    }
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new IOException("HTTP " + response.statusCode() + " from " + url);
      }
      Files.copy(body, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw e.getMessage() == null ? FetchFailure.of(url, e) : e;
    }
  }
}
