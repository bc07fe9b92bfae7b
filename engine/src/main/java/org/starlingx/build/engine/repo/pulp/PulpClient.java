package org.starlingx.build.engine.repo.pulp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pulp 3's REST API for the deb content type: repositories, package uploads, apt publications and
 * distributions, and the tasks that create them.
 */
public final class PulpClient {
  private static final String API = "/pulp/api/v3/";
  private static final Duration FIRST_POLL = Duration.ofMillis(50);
  private static final Duration LONGEST_POLL = Duration.ofSeconds(1);

  private final PulpConnection connection;
  private final PulpHttp http;
  private final ObjectMapper mapper = new ObjectMapper();

  public PulpClient(PulpConnection connection) {
    this.connection = connection;
    this.http = new PulpHttp(connection, mapper);
  }

  /** Pulp's {@code status} document: versions, database, online workers and content apps. */
  public JsonNode status() {
    return http.get(API + "status/");
  }

  /** Creates an apt repository carrying {@code labels} (which find and retain it later). */
  public PulpRepository createDebRepository(String name, Map<String, String> labels) {
    return PulpRepository.from(
        http.post(API + "repositories/deb/apt/", Map.of("name", name, "pulp_labels", labels)));
  }

  /** The repository as it is now, with its latest version. */
  public PulpRepository repository(String href) {
    return PulpRepository.from(http.get(href));
  }

  /** Uploads a {@code .deb} and adds the package to the repository in one task. */
  public PulpTask uploadDebPackage(Path deb, String repositoryHref) {
    JsonNode accepted =
        http.postFile(
            API + "content/deb/packages/", Map.of("repository", repositoryHref), "file", deb);
    return waitForTask(accepted.path("task").asText());
  }

  /**
   * Publishes the repository's latest version as an apt repository, in both the flat layout ({@code
   * dists/default}) and the structured one (a component per release), and returns the publication's
   * href.
   */
  public String publishApt(String repositoryHref) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("repository", repositoryHref);
    body.put("simple", true);
    body.put("structured", true);
    JsonNode accepted = http.post(API + "publications/deb/apt/", body);
    return waitForTask(accepted.path("task").asText()).createdResource("/publications/");
  }

  /** Serves a publication at {@code basePath} under the content app. */
  public PulpDistribution createAptDistribution(
      String name, String basePath, String publicationHref, Map<String, String> labels) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("base_path", basePath);
    body.put("publication", publicationHref);
    body.put("pulp_labels", labels);
    JsonNode accepted = http.post(API + "distributions/deb/apt/", body);
    String href = waitForTask(accepted.path("task").asText()).createdResource("/distributions/");
    return PulpDistribution.from(http.get(href));
  }

  /** Deletes a repository, distribution, publication or remote, waiting for the task if any. */
  public void delete(String href) {
    JsonNode answer = http.delete(href);
    if (answer.hasNonNull("task")) {
      waitForTask(answer.path("task").asText());
    }
  }

  /** Downloads a file the content app serves, for example a package from a distribution. */
  public Path download(URI url, Path target) {
    return http.download(url, target);
  }

  /**
   * Waits until a task finishes and returns it.
   *
   * @throws PulpException when the task fails, is canceled, or outlasts the connection's timeout
   */
  public PulpTask waitForTask(String taskHref) {
    long deadline = System.nanoTime() + connection.taskTimeout().toNanos();
    Duration pause = FIRST_POLL;
    while (true) {
      PulpTask task = PulpTask.from(http.get(taskHref));
      if (task.finished()) {
        if (!"completed".equals(task.state())) {
          throw new PulpException(
              "Pulp task " + task.name() + " " + task.state() + ": " + task.error(), -1);
        }
        return task;
      }
      if (System.nanoTime() > deadline) {
        throw new PulpException(
            "Pulp task "
                + task.name()
                + " still "
                + task.state()
                + " after "
                + connection.taskTimeout().toSeconds()
                + " s: "
                + taskHref,
            -1);
      }
      sleep(pause);
      pause =
          pause.multipliedBy(2).compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : pause.multipliedBy(2);
    }
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PulpException("interrupted while waiting for a Pulp task", e);
    }
  }
}
