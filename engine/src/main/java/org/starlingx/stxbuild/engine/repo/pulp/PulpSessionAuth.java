package org.starlingx.stxbuild.engine.repo.pulp;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Logs in to Pulp once and then uses the session cookie. Pulp checks a basic-auth password with a
 * deliberately slow hash on every request (about 0.2 s on our machines); a session skips that.
 * Falls back to basic authentication on a Pulp without {@code /login/}, and logs in again when a
 * session expires.
 */
final class PulpSessionAuth implements Interceptor, CookieJar {
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  private static final String SESSION = "sessionid";
  private static final String CSRF = "csrftoken";

  private final PulpConnection connection;
  private final String basic;
  private final Map<String, Cookie> cookies = new ConcurrentHashMap<>();
  private final OkHttpClient loginClient;
  private volatile boolean sessionsUnsupported;

  PulpSessionAuth(PulpConnection connection) {
    this.connection = connection;
    this.basic = Credentials.basic(connection.username(), connection.password());
    this.loginClient = new OkHttpClient.Builder().cookieJar(this).build();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!isApi(request.url())) {
      return chain.proceed(request);
    }
    if (sessionsUnsupported || !ensureSession()) {
      return chain.proceed(request.newBuilder().header("Authorization", basic).build());
    }
    Response response = chain.proceed(withSession(request));
    if (response.code() == 401 || response.code() == 403) {
      // The session may have expired: log in again once, then let the answer stand.
      response.close();
      cookies.clear();
      if (ensureSession()) {
        return chain.proceed(withSession(request));
      }
      return chain.proceed(request.newBuilder().header("Authorization", basic).build());
    }
    return response;
  }

  private Request withSession(Request request) {
    Request.Builder builder = request.newBuilder().removeHeader("Authorization");
    Cookie csrf = cookies.get(CSRF);
    if (!SAFE_METHODS.contains(request.method()) && csrf != null) {
      builder.header("X-CSRFToken", csrf.value());
    }
    return builder.build();
  }

  private synchronized boolean ensureSession() throws IOException {
    if (cookies.containsKey(SESSION)) {
      return true;
    }
    Request login =
        new Request.Builder()
            .url(connection.api("/pulp/api/v3/login/").toString())
            .header("Authorization", basic)
            .post(RequestBody.create(new byte[0], MediaType.get("application/json")))
            .build();
    try (Response response = loginClient.newCall(login).execute()) {
      if (response.code() == 404 || response.code() == 405) {
        sessionsUnsupported = true;
        return false;
      }
      return response.isSuccessful() && cookies.containsKey(SESSION);
    }
  }

  private boolean isApi(HttpUrl url) {
    return url.host().equals(connection.apiUrl().getHost())
        && url.port() == HttpUrl.get(connection.apiUrl()).port();
  }

  @Override
  public void saveFromResponse(HttpUrl url, List<Cookie> received) {
    if (isApi(url)) {
      received.forEach(cookie -> cookies.put(cookie.name(), cookie));
    }
  }

  @Override
  public List<Cookie> loadForRequest(HttpUrl url) {
    if (!isApi(url)) {
      return List.of();
    }
    long now = System.currentTimeMillis();
    cookies.values().removeIf(cookie -> cookie.expiresAt() < now);
    return List.copyOf(cookies.values());
  }
}
