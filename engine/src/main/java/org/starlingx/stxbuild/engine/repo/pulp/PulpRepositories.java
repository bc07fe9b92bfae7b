package org.starlingx.stxbuild.engine.repo.pulp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Repositories and distributions of one Pulp content type (deb's {@code deb/apt} or file's {@code
 * file/file}): the parts that are the same for every type.
 */
public final class PulpRepositories {
  private final PulpHttp http;
  private final PulpTasks tasks;
  private final String repositories;
  private final String distributions;

  PulpRepositories(PulpHttp http, PulpTasks tasks, String typePath) {
    this.http = http;
    this.tasks = tasks;
    this.repositories = "/pulp/api/v3/repositories/" + typePath + "/";
    this.distributions = "/pulp/api/v3/distributions/" + typePath + "/";
  }

  /** Creates a repository carrying {@code labels} (which find and retain it later). */
  public PulpRepository create(String name, Map<String, String> labels) {
    return PulpRepository.from(
        http.post(repositories, Map.of("name", name, "pulp_labels", labels)));
  }

  /** The repository as it is now, with its latest version. */
  public PulpRepository get(String href) {
    return PulpRepository.from(http.get(href));
  }

  /** The repository of that exact name, if any. */
  public Optional<PulpRepository> find(String name) {
    return http.list(repositories, Map.of("name", name)).stream()
        .findFirst()
        .map(PulpRepository::from);
  }

  /** Repositories whose labels match a selector such as {@code stx.role=session,stx.scope=ab12}. */
  public List<PulpRepository> labelled(String labelSelector) {
    return http.list(repositories, Map.of("pulp_label_select", labelSelector)).stream()
        .map(PulpRepository::from)
        .toList();
  }

  /** Sets one label on a repository, keeping the others. */
  public void label(String repositoryHref, String key, String value) {
    Map<String, String> labels = new LinkedHashMap<>(PulpLabels.of(http.get(repositoryHref)));
    labels.put(key, value);
    tasks.waitForAccepted(http.patch(repositoryHref, Map.of("pulp_labels", labels)));
  }

  /**
   * Adds and removes content in one new version based on {@code baseVersionHref} (or the latest
   * when null); returns the new version's href, or empty when nothing changed.
   */
  public Optional<String> modify(
      String repositoryHref, List<String> add, List<String> remove, String baseVersionHref) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("add_content_units", add);
    body.put("remove_content_units", remove);
    if (baseVersionHref != null) {
      body.put("base_version", baseVersionHref);
    }
    PulpTask task = tasks.waitForAccepted(http.post(repositoryHref + "modify/", body));
    return task.createdResources().stream().filter(href -> href.contains("/versions/")).findFirst();
  }

  /** Serves a publication at {@code basePath} under the content app. */
  public PulpDistribution createDistribution(
      String name, String basePath, String publicationHref, Map<String, String> labels) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("base_path", basePath);
    body.put("publication", publicationHref);
    body.put("pulp_labels", labels);
    String href =
        tasks.waitForAccepted(http.post(distributions, body)).createdResource("/distributions/");
    return PulpDistribution.from(http.get(href));
  }

  /**
   * Serves a publication under the distribution {@code name}: the existing one now points at it, or
   * one is created at {@code basePath}.
   */
  public PulpDistribution serve(
      String name, String basePath, String publicationHref, Map<String, String> labels) {
    Optional<PulpDistribution> existing = findDistribution(name);
    if (existing.isPresent()) {
      updateDistribution(existing.get().href(), publicationHref);
      return existing.get();
    }
    return createDistribution(name, basePath, publicationHref, labels);
  }

  /** Points an existing distribution at another publication. */
  public void updateDistribution(String distributionHref, String publicationHref) {
    JsonNode accepted = http.patch(distributionHref, Map.of("publication", publicationHref));
    tasks.waitForAccepted(accepted);
  }

  /** The distribution of that exact name, if any. */
  public Optional<PulpDistribution> findDistribution(String name) {
    return http.list(distributions, Map.of("name", name)).stream()
        .findFirst()
        .map(PulpDistribution::from);
  }

  /** Distributions whose labels match a selector. */
  public List<PulpDistribution> distributionsLabelled(String labelSelector) {
    return http.list(distributions, Map.of("pulp_label_select", labelSelector)).stream()
        .map(PulpDistribution::from)
        .toList();
  }
}
