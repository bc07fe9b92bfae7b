package org.starlingx.stxbuild.testenv.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The corpus recipes' 3rd-party files, for tests that prepare download recipes offline: each URL a
 * recipe names is fetched once, from where this machine can reach the very same file, into a cache
 * laid out by URL ({@code <cache>/<host>/<path>}), which {@link LoopbackUpstream} serves.
 *
 * <p>Reachable here are only package registries: Debian's archive and PyPI's file host. A {@code
 * snapshot.debian.org} URL (StarlingX pins its upstream {@code .dsc}s and many tarballs there)
 * names a file Debian's archive keeps under the same pool path for as long as that version is in a
 * suite (a Debian pool file never changes under its name; checksums are verified anyway). Any other
 * host (GitHub, salsa, ...) is reported as unreachable without being tried. A file the archive does
 * not serve (a version it dropped; the archive reachable from this workspace also lacks files its
 * own Sources indexes list) is remembered ({@code <file>.absent}) so later runs do not ask again;
 * delete the cache to ask again.
 */
public final class CorpusUpstream {
  private static final Pattern SNAPSHOT =
      Pattern.compile("/archive/(debian|debian-security)/[0-9]{8}T[0-9]{6}Z/(pool/.+)");
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NORMAL)
          .connectTimeout(Duration.ofSeconds(20))
          .build();

  private final Path cache;

  public CorpusUpstream(Path cache) {
    this.cache = cache.toAbsolutePath().normalize();
  }

  /** {@code ~/.cache/starlingx-build/corpus-upstream}: kept across runs and worktrees. */
  public static Path defaultCache() {
    return Path.of(System.getProperty("user.home"), ".cache", "starlingx-build", "corpus-upstream");
  }

  public Path cache() {
    return cache;
  }

  /** A file of the cache, or why it could not be had here. */
  public record Outcome(Path file, String unavailable) {
    public boolean available() {
      return file != null;
    }
  }

  /** Debian's archive (or the registry) could not be reached at all: the test cannot run here. */
  public static final class UnreachableException extends IOException {
    public UnreachableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * The file {@code url} names, checked against {@code sha256} or {@code md5} (either may be null;
   * a {@code .dsc} is then checked through the files it lists), from the cache or fetched into it.
   */
  public Outcome get(URI url, String sha256, String md5) throws UnreachableException {
    Path file = cached(url);
    Path absent = file.resolveSibling(file.getFileName() + ".absent");
    if (Files.isRegularFile(absent)) {
      return new Outcome(null, read(absent));
    }
    if (Files.isRegularFile(file) && matches(file, sha256, md5)) {
      return new Outcome(file, null);
    }
    URI source = reachableSource(url);
    if (source == null) {
      return new Outcome(
          null, "host " + url.getHost() + " is not reachable here (only package registries are)");
    }
    try {
      Files.createDirectories(file.getParent());
      Path partial = Files.createTempFile(file.getParent(), ".fetch-", ".part");
      try {
        HttpResponse<InputStream> response =
            HTTP.send(
                HttpRequest.newBuilder(source).timeout(Duration.ofMinutes(10)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
          if (response.statusCode() == 404) {
            // the archive as reachable here lacks some files its Sources indexes list
            String reason = source.getHost() + " as reachable here does not serve it (404)";
            Files.writeString(absent, reason);
            return new Outcome(null, reason);
          }
          if (response.statusCode() != 200) {
            throw new UnreachableException(
                "HTTP " + response.statusCode() + " from " + source, null);
          }
          Files.copy(body, partial, StandardCopyOption.REPLACE_EXISTING);
        }
        if (!matches(partial, sha256, md5)) {
          String reason = source + " is not the file the recipe pins (checksum differs)";
          Files.writeString(absent, reason);
          return new Outcome(null, reason);
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        return new Outcome(file, null);
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (UnreachableException e) {
      throw e;
    } catch (IOException e) {
      throw new UnreachableException("cannot reach " + source + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnreachableException("interrupted while fetching " + source, e);
    }
  }

  /** Where the cache keeps (and {@link LoopbackUpstream} serves) the file {@code url} names. */
  public Path cached(URI url) {
    Path file = cache.resolve(url.getHost() + url.getPath()).normalize();
    if (!file.startsWith(cache.resolve(url.getHost())) || url.getPath().endsWith("/")) {
      throw new IllegalArgumentException("not a file URL: " + url);
    }
    return file;
  }

  /** Where this machine can fetch the same file, or null. */
  static URI reachableSource(URI url) {
    String host = url.getHost() == null ? "" : url.getHost();
    switch (host) {
      case "deb.debian.org", "files.pythonhosted.org" -> {
        return URI.create("https://" + host + url.getRawPath());
      }
      case "snapshot.debian.org" -> {
        Matcher m = SNAPSHOT.matcher(url.getRawPath());
        return m.matches()
            ? URI.create("https://deb.debian.org/" + m.group(1) + "/" + m.group(2))
            : null;
      }
      default -> {
        return null;
      }
    }
  }

  private static boolean matches(Path file, String sha256, String md5) {
    if (sha256 != null) {
      return digest(file, "SHA-256").equalsIgnoreCase(sha256.strip());
    }
    if (md5 != null) {
      return digest(file, "MD5").equalsIgnoreCase(md5.strip());
    }
    return true;
  }

  private static String digest(Path file, String algorithm) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance(algorithm);
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot digest " + file, e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return "absent";
    }
  }
}
