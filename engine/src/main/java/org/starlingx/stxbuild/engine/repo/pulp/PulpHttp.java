package org.starlingx.stxbuild.engine.repo.pulp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * JSON over HTTP to one Pulp server: authentication, retries, pagination and Pulp's error messages.
 * Knows nothing of Pulp's resources.
 */
final class PulpHttp {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final MediaType BINARY = MediaType.get("application/octet-stream");
  private static final int MAX_ERROR_CHARS = 2000;

  /** Statuses that say the request was not processed, so sending it again is safe. */
  private static final Set<Integer> NOT_PROCESSED = Set.of(502, 503, 504);

  private final PulpConnection connection;
  private final ObjectMapper mapper;
  private final OkHttpClient http;
  private final RetryPolicy<Object> retry;

  PulpHttp(PulpConnection connection, ObjectMapper mapper, RetrySettings retrySettings) {
    this.connection = connection;
    this.mapper = mapper;
    PulpSessionAuth auth = new PulpSessionAuth(connection);
    this.http =
        new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofMinutes(5))
            .writeTimeout(Duration.ofMinutes(5))
            .cookieJar(auth)
            .addInterceptor(auth)
            .build();
    this.retry =
        RetryPolicy.builder()
            .handleIf(PulpHttp::worthRetrying)
            .withBackoff(retrySettings.firstDelay(), retrySettings.maxDelay())
            .withMaxRetries(retrySettings.maxRetries())
            .withMaxDuration(retrySettings.maxDuration())
            .build();
  }

  /**
   * Settings for retrying a request whose failure may pass: connection errors and 5xx.
   *
   * @param maxRetries how often at most; -1 for as often as {@code maxDuration} allows
   * @param maxDuration how long one request keeps being tried, all attempts together
   */
  record RetrySettings(
      int maxRetries, Duration firstDelay, Duration maxDelay, Duration maxDuration) {
    /**
     * Rides out a restart of Pulp (its services take a minute or more to come back; 13 s of retries
     * failed packages): backoff up to 10 s between attempts, for at most 3 minutes.
     */
    static final RetrySettings DEFAULT =
        new RetrySettings(
            -1, Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofMinutes(3));

    RetrySettings(int maxRetries, Duration firstDelay, Duration maxDelay) {
      this(maxRetries, firstDelay, maxDelay, Duration.ofDays(1));
    }
  }

  PulpConnection connection() {
    return connection;
  }

  JsonNode get(String pathOrHref) {
    return send(request(pathOrHref).get().build());
  }

  JsonNode get(String path, Map<String, String> query) {
    return send(new Request.Builder().url(url(path, query)).get().build());
  }

  /** Every result of a paginated list, following Pulp's {@code next} links. */
  List<JsonNode> list(String path, Map<String, String> query) {
    List<JsonNode> results = new ArrayList<>();
    JsonNode page = get(path, query);
    while (true) {
      page.path("results").forEach(results::add);
      String next = page.path("next").asText(null);
      if (next == null || next.isEmpty() || "null".equals(next)) {
        return results;
      }
      page = send(new Request.Builder().url(next).get().build());
    }
  }

  JsonNode post(String path, Object body) {
    return send(request(path).post(json(body)).build());
  }

  JsonNode patch(String href, Object body) {
    return send(request(href).patch(json(body)).build());
  }

  JsonNode delete(String href) {
    return send(request(href).delete().build());
  }

  /**
   * Posts form fields and one file as {@code multipart/form-data}, as Pulp's upload endpoints want.
   */
  JsonNode postFile(String path, Map<String, String> fields, String fileField, Path file) {
    MultipartBody.Builder body = new MultipartBody.Builder().setType(MultipartBody.FORM);
    fields.forEach(body::addFormDataPart);
    body.addFormDataPart(
        fileField, file.getFileName().toString(), RequestBody.create(file.toFile(), BINARY));
    return send(request(path).post(body.build()).build());
  }

  /** Sends one chunk of an upload: {@code bytes} at {@code offset} of a file of {@code size}. */
  JsonNode putChunk(String uploadHref, byte[] bytes, long offset, long size) {
    RequestBody body =
        new MultipartBody.Builder()
            .setType(MultipartBody.FORM)
            .addFormDataPart("file", "chunk", RequestBody.create(bytes, BINARY))
            .build();
    String range = "bytes " + offset + "-" + (offset + bytes.length - 1) + "/" + size;
    return send(request(uploadHref).header("Content-Range", range).put(body).build());
  }

  /** Downloads {@code url} (API or content app) to {@code target}, replacing it. */
  Path download(URI url, Path target) {
    Request request = new Request.Builder().url(url.toString()).get().build();
    return call(
        request,
        response -> {
          ResponseBody body = response.body();
          if (!response.isSuccessful() || body == null) {
            throw failure(request, response.code(), body == null ? "" : body.string());
          }
          Path parent = target.toAbsolutePath().getParent();
          Files.createDirectories(parent);
          Path partial = Files.createTempFile(parent, ".download-", ".part");
          try (InputStream in = body.byteStream()) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
          }
          return Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        });
  }

  private HttpUrl url(String path, Map<String, String> query) {
    HttpUrl.Builder url = HttpUrl.get(connection.api(path)).newBuilder();
    query.forEach(url::addQueryParameter);
    return url.build();
  }

  private Request.Builder request(String pathOrHref) {
    return new Request.Builder().url(connection.api(pathOrHref).toString());
  }

  private RequestBody json(Object body) {
    try {
      return RequestBody.create(mapper.writeValueAsBytes(body), JSON);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot write request body as JSON: " + body, e);
    }
  }

  private JsonNode send(Request request) {
    return call(
        request,
        response -> {
          ResponseBody body = response.body();
          String text = body == null ? "" : body.string();
          if (!response.isSuccessful()) {
            throw failure(request, response.code(), text);
          }
          return text.isEmpty() ? mapper.nullNode() : mapper.readTree(text);
        });
  }

  private interface ResponseHandler<T> {
    T handle(Response response) throws IOException;
  }

  private <T> T call(Request request, ResponseHandler<T> handler) {
    try {
      return Failsafe.with(retry)
          .get(
              () -> {
                try (Response response = http.newCall(request).execute()) {
                  return handler.handle(response);
                } catch (IOException e) {
                  throw new RetryableIo(request, e);
                }
              });
    } catch (RetryableIo e) {
      throw unreachable(request, e.getCause());
    } catch (FailsafeException e) {
      throw new PulpException("request to Pulp failed: " + request.url(), e.getCause());
    }
  }

  /** A transport failure, kept apart from Pulp's own answers so only it and 5xx are retried. */
  private static final class RetryableIo extends UncheckedIOException {
    private static final long serialVersionUID = 1L;
    private final boolean idempotent;
    private final boolean neverSent;

    RetryableIo(Request request, IOException cause) {
      super(cause);
      this.idempotent = Set.of("GET", "PUT", "DELETE", "HEAD").contains(request.method());
      this.neverSent = cause instanceof ConnectException;
    }
  }

  private static boolean worthRetrying(Object result, Throwable failure) {
    if (failure instanceof RetryableIo io) {
      return io.idempotent || io.neverSent;
    }
    return failure instanceof PulpException pulp && NOT_PROCESSED.contains(pulp.status());
  }

  private PulpException failure(Request request, int status, String body) {
    String said = body.length() > MAX_ERROR_CHARS ? body.substring(0, MAX_ERROR_CHARS) + "…" : body;
    return new PulpException(
        "Pulp answered "
            + status
            + " to "
            + request.method()
            + " "
            + request.url()
            + (said.isBlank() ? "" : ": " + said.strip()),
        status);
  }

  private static PulpException unreachable(Request request, IOException e) {
    return new PulpException(
        "Pulp did not answer " + request.method() + " " + request.url() + ": " + e.getMessage(), e);
  }
}
