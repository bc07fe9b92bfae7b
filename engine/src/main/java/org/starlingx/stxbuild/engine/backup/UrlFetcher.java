package org.starlingx.stxbuild.engine.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Fetches {@code http(s):} and {@code file:} URLs, as apt sources use both. */
final class UrlFetcher {
  private final OkHttpClient http =
      new OkHttpClient.Builder().readTimeout(Duration.ofMinutes(5)).build();

  Path fetch(URI url, Path target) {
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
      if ("file".equals(url.getScheme())) {
        return Files.copy(Path.of(url), target, StandardCopyOption.REPLACE_EXISTING);
      }
      try (Response response =
          http.newCall(new Request.Builder().url(url.toString()).build()).execute()) {
        if (!response.isSuccessful() || response.body() == null) {
          throw new IOException("answered " + response.code());
        }
        try (InputStream in = response.body().byteStream()) {
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot fetch " + url + ": " + e.getMessage(), e);
    }
  }
}
