package org.starlingx.stxbuild.engine.repo.pulp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * Pulp 3's REST API: the entry point. Content-type specifics live in {@link #deb()} and {@link
 * #files()}, deduplicated uploads in {@link #artifacts()}, task waiting in {@link #tasks()}.
 */
public final class PulpClient {
  private static final String API = "/pulp/api/v3/";

  private final PulpConnection connection;
  private final PulpHttp http;
  private final PulpTasks tasks;
  private final PulpArtifacts artifacts;
  private final PulpDeb deb;
  private final PulpFiles files;
  private final ReachableContent reachable;

  public PulpClient(PulpConnection connection) {
    this(connection, PulpHttp.RetrySettings.DEFAULT, PulpArtifacts.DEFAULT_CHUNK_BYTES);
  }

  /**
   * A client that reads what Pulp publishes at {@code contentUrl} (the content app as this process
   * reaches it) instead of Pulp's {@code CONTENT_ORIGIN}, see {@link ReachableContent}; {@code
   * null}: as published.
   */
  public PulpClient(PulpConnection connection, URI contentUrl) {
    this(connection, PulpHttp.RetrySettings.DEFAULT, PulpArtifacts.DEFAULT_CHUNK_BYTES, contentUrl);
  }

  PulpClient(PulpConnection connection, PulpHttp.RetrySettings retry, int chunkBytes) {
    this(connection, retry, chunkBytes, null);
  }

  private PulpClient(
      PulpConnection connection, PulpHttp.RetrySettings retry, int chunkBytes, URI contentUrl) {
    this.connection = connection;
    this.reachable = ReachableContent.at(contentUrl, this::contentOrigin);
    this.http = new PulpHttp(connection, new ObjectMapper(), retry);
    this.tasks = new PulpTasks(http, connection.taskTimeout());
    this.artifacts = new PulpArtifacts(http, tasks, chunkBytes);
    this.deb = new PulpDeb(http, tasks, artifacts);
    this.files = new PulpFiles(http, tasks, artifacts);
  }

  public PulpConnection connection() {
    return connection;
  }

  /** Where this process reads Pulp's published URLs (the configured content URL, if any). */
  public ReachableContent reachable() {
    return reachable;
  }

  public PulpTasks tasks() {
    return tasks;
  }

  PulpHttp http() {
    return http;
  }

  public PulpArtifacts artifacts() {
    return artifacts;
  }

  public PulpDeb deb() {
    return deb;
  }

  public PulpFiles files() {
    return files;
  }

  /** Pulp's {@code status} document: versions, database, online workers and content apps. */
  public JsonNode status() {
    return http.get(API + "status/");
  }

  /**
   * The origin Pulp writes into the URLs it publishes ({@code CONTENT_ORIGIN}, e.g. {@code
   * http://pulp-content:24816}), which need not be the address a client reached it at; empty when
   * the status does not say.
   */
  public java.util.Optional<String> contentOrigin() {
    String origin = status().path("content_settings").path("content_origin").asText("");
    return origin.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(origin);
  }

  /** The href of the signing service registered under {@code name}, if there is one. */
  public java.util.Optional<String> signingService(String name) {
    return http.list(API + "signing-services/", Map.of("name", name)).stream()
        .findFirst()
        .map(service -> service.path("pulp_href").asText());
  }

  /** Deletes a repository, distribution, publication or remote, waiting for its task if any. */
  public void delete(String href) {
    JsonNode answer = http.delete(href);
    if (answer.hasNonNull("task")) {
      tasks.waitForAccepted(answer);
    }
  }

  /**
   * Removes content and artifacts no repository version references any more and that have been
   * orphans for at least {@code protection}: younger ones may belong to a build still running.
   */
  public void cleanOrphans(java.time.Duration protection) {
    tasks.waitForAccepted(
        http.post(
            API + "orphans/cleanup/", Map.of("orphan_protection_time", protection.toMinutes())));
  }

  /**
   * Downloads a file the content app serves, for example a package from a distribution, at the
   * address this process reaches it.
   */
  public Path download(URI url, Path target) {
    return http.download(reachable.url(url), target);
  }
}
