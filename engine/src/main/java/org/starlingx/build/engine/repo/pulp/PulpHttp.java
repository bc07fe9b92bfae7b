package org.starlingx.build.engine.repo.pulp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * JSON over HTTP to one Pulp server: authentication, status handling and Pulp's error messages.
 * Knows nothing of Pulp's resources; {@link PulpClient} does.
 */
final class PulpHttp {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final MediaType BINARY = MediaType.get("application/octet-stream");
  private static final int MAX_ERROR_CHARS = 2000;

  private final PulpConnection connection;
  private final ObjectMapper mapper;
  private final OkHttpClient http;

  PulpHttp(PulpConnection connection, ObjectMapper mapper) {
    this.connection = connection;
    this.mapper = mapper;
    String authorization = Credentials.basic(connection.username(), connection.password());
    this.http =
        new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofMinutes(5))
            .writeTimeout(Duration.ofMinutes(5))
            .addInterceptor(
                chain ->
                    chain.proceed(
                        chain
                            .request()
                            .newBuilder()
                            .header("Authorization", authorization)
                            .build()))
            .build();
  }

  JsonNode get(String pathOrHref) {
    return send(request(pathOrHref).get().build());
  }

  JsonNode get(String path, Map<String, String> query) {
    HttpUrl.Builder url = HttpUrl.get(connection.api(path)).newBuilder();
    query.forEach(url::addQueryParameter);
    return send(new Request.Builder().url(url.build()).get().build());
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

  /** Downloads {@code url} (API or content app) to {@code target}, replacing it. */
  Path download(URI url, Path target) {
    Request request = new Request.Builder().url(url.toString()).get().build();
    try (Response response = http.newCall(request).execute()) {
      ResponseBody body = response.body();
      if (!response.isSuccessful() || body == null) {
        throw failure(request, response.code(), body == null ? "" : body.string());
      }
      Files.createDirectories(target.toAbsolutePath().getParent());
      try (InputStream in = body.byteStream()) {
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return target;
    } catch (IOException e) {
      throw unreachable(request, e);
    }
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
    try (Response response = http.newCall(request).execute()) {
      ResponseBody body = response.body();
      String text = body == null ? "" : body.string();
      if (!response.isSuccessful()) {
        throw failure(request, response.code(), text);
      }
      return text.isEmpty() ? mapper.nullNode() : mapper.readTree(text);
    } catch (IOException e) {
      throw unreachable(request, e);
    }
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

  private PulpException unreachable(Request request, IOException e) {
    return new PulpException(
        "Pulp did not answer " + request.method() + " " + request.url() + ": " + e.getMessage(), e);
  }
}
