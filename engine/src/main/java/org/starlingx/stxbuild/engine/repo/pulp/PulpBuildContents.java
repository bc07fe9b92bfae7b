package org.starlingx.stxbuild.engine.repo.pulp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.starlingx.stxbuild.engine.retention.BuildContent;
import org.starlingx.stxbuild.engine.retention.StoredItem;

/**
 * The packages builds refer to in Pulp, for retention: each version of a session or branch
 * repository is one build's package set (a line's branch keeps one version per good build). A
 * version is kept when its repository is and it is the latest or a distribution serves it (a
 * release, a snapshot); the others go, and with them their references.
 */
final class PulpBuildContents {
  private static final String PACKAGES = "/pulp/api/v3/content/deb/packages/";
  private static final String DISTRIBUTIONS = "/pulp/api/v3/distributions/deb/apt/";
  private static final Set<String> BUILD_ROLES = Set.of("session", "branch");
  private static final String RECORD_PREFIX = "stx.fp.";

  private final PulpHttp http;
  private final PulpTasks tasks;
  private final String selector;

  /** {@code scopeSelector}: labels the repositories considered must also carry; empty for all. */
  PulpBuildContents(PulpHttp http, PulpTasks tasks, String scopeSelector) {
    this.http = http;
    this.tasks = tasks;
    this.selector =
        PulpPackageRepository.ROLE + (scopeSelector.isEmpty() ? "" : "," + scopeSelector);
  }

  List<BuildContent> builds(Collection<StoredItem> removed) {
    Set<String> removedIds = new HashSet<>();
    removed.forEach(item -> removedIds.add(item.id()));
    Set<String> served = servedVersions(removedIds);
    List<BuildContent> builds = new ArrayList<>();
    for (JsonNode repository :
        http.list("/pulp/api/v3/repositories/deb/apt/", Map.of("pulp_label_select", selector))) {
      Map<String, String> labels = PulpLabels.of(repository);
      if (!BUILD_ROLES.contains(labels.get(PulpPackageRepository.ROLE))) {
        continue;
      }
      String href = repository.path("pulp_href").asText();
      String latest = repository.path("latest_version_href").asText("");
      boolean repositoryKept = !removedIds.contains(href);
      for (JsonNode version : http.list(href + "versions/", Map.of("fields", "pulp_href"))) {
        String versionHref = version.path("pulp_href").asText();
        if (versionHref.endsWith("/versions/0/")) {
          continue; // empty by construction; Pulp refuses to delete it
        }
        boolean kept =
            repositoryKept && (versionHref.equals(latest) || served.contains(versionHref));
        builds.add(new BuildContent(versionHref, kept, contentOf(versionHref), labels));
      }
    }
    return builds;
  }

  /** Versions a distribution that stays serves, through its publication. */
  private Set<String> servedVersions(Set<String> removedIds) {
    Set<String> versions = new HashSet<>();
    for (JsonNode distribution :
        http.list(
            DISTRIBUTIONS,
            Map.of("pulp_label_select", selector, "fields", "pulp_href,publication"))) {
      String publication = distribution.path("publication").asText("");
      if (removedIds.contains(distribution.path("pulp_href").asText())
          || publication.isEmpty()
          || "null".equals(publication)) {
        continue;
      }
      try {
        versions.add(http.get(publication).path("repository_version").asText());
      } catch (PulpException e) {
        if (e.status() != 404) {
          throw e;
        }
      }
    }
    return versions;
  }

  private Set<String> contentOf(String versionHref) {
    Set<String> content = new HashSet<>();
    http.list(PACKAGES, Map.of("repository_version", versionHref, "fields", "pulp_href"))
        .forEach(node -> content.add(node.path("pulp_href").asText()));
    return content;
  }

  /** Removes the build records (reuse labels) on each of {@code content}. */
  void forget(Set<String> content) {
    for (String href : content) {
      JsonNode labels;
      try {
        labels = http.get(href).path("pulp_labels");
      } catch (PulpException e) {
        if (e.status() == 404) {
          continue;
        }
        throw e;
      }
      List<String> records = new ArrayList<>();
      labels
          .fieldNames()
          .forEachRemaining(
              key -> {
                if (key.startsWith(RECORD_PREFIX)) {
                  records.add(key);
                }
              });
      for (String key : records) {
        http.post(href + "unset_label/", Map.of("key", key));
      }
    }
  }

  /** Deletes one repository version no kept build is; gone already is fine. */
  void drop(String versionHref) {
    try {
      JsonNode answer = http.delete(versionHref);
      if (answer.hasNonNull("task")) {
        tasks.waitForAccepted(answer);
      }
    } catch (PulpException e) {
      if (e.status() != 404) {
        throw e;
      }
    }
  }

  /**
   * Removes each of {@code content} that no repository version refers to any more and that has been
   * unreferenced for {@code protection}; content something refers to stays.
   */
  void removeUnreferenced(Set<String> content, Duration protection) {
    if (content.isEmpty()) {
      return;
    }
    Map<String, Object> body = new HashMap<>();
    body.put("content_hrefs", List.copyOf(content));
    body.put("orphan_protection_time", protection.toMinutes());
    tasks.waitForAccepted(http.post("/pulp/api/v3/orphans/cleanup/", body));
  }
}
