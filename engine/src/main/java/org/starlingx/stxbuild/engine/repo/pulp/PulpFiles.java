package org.starlingx.stxbuild.engine.repo.pulp;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.starlingx.stxbuild.engine.repo.FileDigests;

/** Pulp's file plugin: plain files such as 3rd-party source tarballs and exported logs. */
public final class PulpFiles {
  private static final String API = "/pulp/api/v3/";
  private static final String FILES = API + "content/file/files/";
  private static final String PUBLICATIONS = API + "publications/file/file/";

  private final PulpHttp http;
  private final PulpTasks tasks;
  private final PulpArtifacts artifacts;
  private final PulpRepositories repositories;

  PulpFiles(PulpHttp http, PulpTasks tasks, PulpArtifacts artifacts) {
    this.http = http;
    this.tasks = tasks;
    this.artifacts = artifacts;
    this.repositories = new PulpRepositories(http, tasks, "file/file");
  }

  /** File repositories and distributions. */
  public PulpRepositories repositories() {
    return repositories;
  }

  /** The file content at {@code relativePath} with this sha256, if Pulp has it. */
  public Optional<String> find(String relativePath, String sha256) {
    return http
        .list(FILES, Map.of("relative_path", relativePath, "sha256", sha256, "fields", "pulp_href"))
        .stream()
        .findFirst()
        .map(node -> node.path("pulp_href").asText());
  }

  /** Creates file content from an artifact Pulp already holds; returns the content href. */
  public String create(String relativePath, String artifactHref) {
    Map<String, Object> body = Map.of("relative_path", relativePath, "artifact", artifactHref);
    return tasks.waitForAccepted(http.post(FILES, body)).createdResource("/content/file/files/");
  }

  /**
   * The file content holding {@code file} at {@code relativePath}: the one Pulp has, else one made
   * now with a single task (from the artifact Pulp already holds, or from the file sent as an
   * upload; committing the upload to an artifact first would cost a second task per file).
   */
  public String ensureContent(String relativePath, Path file) {
    String sha256 = FileDigests.of(file).sha256();
    Optional<String> existing = find(relativePath, sha256);
    if (existing.isPresent()) {
      return existing.get();
    }
    Optional<String> artifact = artifacts.find(sha256);
    if (artifact.isPresent()) {
      return create(relativePath, artifact.get());
    }
    String upload = artifacts.stage(file);
    try {
      return tasks
          .waitForAccepted(
              http.post(FILES, Map.of("relative_path", relativePath, "upload", upload)))
          .createdResource("/content/file/files/");
    } catch (PulpException e) {
      // Another build may have made the same content a moment earlier: then it is that one.
      return find(relativePath, sha256).orElseThrow(() -> e);
    }
  }

  /**
   * Has Pulp itself download {@code url} into file content at {@code relativePath} and add it to
   * the repository; returns the content href.
   */
  public String createFromUrl(String relativePath, URI url, String repositoryHref) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("relative_path", relativePath);
    body.put("file_url", url.toString());
    body.put("repository", repositoryHref);
    return tasks.waitForAccepted(http.post(FILES, body)).createdResource("/content/file/files/");
  }

  /** File content named {@code relativePath} in a repository version (href, sha256, artifact). */
  public java.util.List<com.fasterxml.jackson.databind.JsonNode> inVersion(
      String repositoryVersionHref, String relativePath) {
    return http.list(
        FILES, Map.of("repository_version", repositoryVersionHref, "relative_path", relativePath));
  }

  /** The artifact behind a file content: its digests, among them md5 and sha256. */
  public com.fasterxml.jackson.databind.JsonNode artifactOf(String contentHref) {
    return http.get(http.get(contentHref).path("artifact").asText());
  }

  /** Publishes the repository's latest version; returns the publication's href. */
  public String publishLatest(String repositoryHref) {
    return tasks
        .waitForAccepted(http.post(PUBLICATIONS, Map.of("repository", repositoryHref)))
        .createdResource("/publications/");
  }
}
