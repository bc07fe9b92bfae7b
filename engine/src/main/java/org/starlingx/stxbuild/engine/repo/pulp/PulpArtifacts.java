package org.starlingx.stxbuild.engine.repo.pulp;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pulp's artifacts, deduplicated by sha256: a file Pulp already has is never uploaded again, and a
 * new file goes up in chunks so size is never a problem.
 */
public final class PulpArtifacts {
  static final int DEFAULT_CHUNK_BYTES = 6 * 1024 * 1024;
  private static final String API = "/pulp/api/v3/";

  private final PulpHttp http;
  private final PulpTasks tasks;
  private final int chunkBytes;
  private final AtomicLong uploadedBytes = new AtomicLong();
  private final AtomicLong reusedBytes = new AtomicLong();
  private final SingleFlight<String, Ensured> uploads = new SingleFlight<>();

  PulpArtifacts(PulpHttp http, PulpTasks tasks, int chunkBytes) {
    this.http = http;
    this.tasks = tasks;
    this.chunkBytes = chunkBytes;
  }

  /** The href of the artifact with this sha256, if Pulp has one. */
  public Optional<String> find(String sha256) {
    List<JsonNode> found =
        http.list(API + "artifacts/", Map.of("sha256", sha256, "fields", "pulp_href"));
    return found.stream().map(node -> node.path("pulp_href").asText()).findFirst();
  }

  /** How many artifacts Pulp holds with this sha256: one at most, as Pulp stores a file once. */
  public int count(String sha256) {
    return http.list(API + "artifacts/", Map.of("sha256", sha256, "fields", "pulp_href")).size();
  }

  /**
   * The artifact for {@code file}, and whether this call sent it.
   *
   * @param href the artifact's href
   * @param uploaded true when this call sent the bytes; false when Pulp already had them
   */
  public record Ensured(String href, boolean uploaded) {}

  /**
   * The artifact for {@code file}: the one Pulp already has, or a new one uploaded now. Builds in
   * this process that bring the same file at the same time send it once: the later ones wait for
   * the first and reuse its artifact.
   */
  public Ensured ensure(Path file, String sha256) {
    long size = size(file);
    SingleFlight.Outcome<Ensured> outcome =
        uploads.run(sha256, () -> findOrUpload(file, sha256, size));
    if (!outcome.computedHere()) {
      reusedBytes.addAndGet(size);
      return new Ensured(outcome.value().href(), false);
    }
    return outcome.value();
  }

  private Ensured findOrUpload(Path file, String sha256, long size) {
    Optional<String> existing = find(sha256);
    if (existing.isPresent()) {
      reusedBytes.addAndGet(size);
      return new Ensured(existing.get(), false);
    }
    String upload = stage(file);
    try {
      PulpTask commit =
          tasks.waitForAccepted(http.post(upload + "commit/", Map.of("sha256", sha256)));
      return new Ensured(commit.createdResource("/artifacts/"), true);
    } catch (PulpException e) {
      // Another process may have committed the same file a moment earlier: then use its artifact.
      return new Ensured(find(sha256).orElseThrow(() -> e), true);
    }
  }

  /**
   * Sends a file to Pulp in chunks as an upload, without making it an artifact yet: content
   * creation can take the upload directly, saving a task.
   *
   * @return the upload's href
   */
  public String stage(Path file) {
    long size = size(file);
    String upload = http.post(API + "uploads/", Map.of("size", size)).path("pulp_href").asText();
    try (InputStream in = Files.newInputStream(file)) {
      long offset = 0;
      byte[] buffer = new byte[chunkBytes];
      while (offset < size) {
        int read = in.readNBytes(buffer, 0, (int) Math.min(chunkBytes, size - offset));
        byte[] chunk = read == buffer.length ? buffer : Arrays.copyOf(buffer, read);
        http.putChunk(upload, chunk, offset, size);
        offset += read;
      }
    } catch (IOException e) {
      http.delete(upload);
      throw new UncheckedIOException("cannot read " + file + " for upload", e);
    }
    uploadedBytes.addAndGet(size);
    return upload;
  }

  /** Notes bytes that did not need sending because Pulp already had them. */
  void reused(long bytes) {
    reusedBytes.addAndGet(bytes);
  }

  /** Notes bytes Pulp fetched from this process (a batch import) rather than received. */
  void sent(long bytes) {
    uploadedBytes.addAndGet(bytes);
  }

  /** Bytes sent to Pulp by this client so far. */
  public long uploadedBytes() {
    return uploadedBytes.get();
  }

  /** Bytes that did not need sending because Pulp already had them. */
  public long reusedBytes() {
    return reusedBytes.get();
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
