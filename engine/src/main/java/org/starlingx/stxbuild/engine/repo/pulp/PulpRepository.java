package org.starlingx.stxbuild.engine.repo.pulp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/** A Pulp repository as last seen: href, name, latest version, labels and creation time. */
public record PulpRepository(
    String href,
    String name,
    String latestVersionHref,
    Map<String, String> labels,
    Instant created) {
  static PulpRepository from(JsonNode json) {
    return new PulpRepository(
        json.path("pulp_href").asText(),
        json.path("name").asText(),
        json.path("latest_version_href").asText(null),
        PulpLabels.of(json),
        PulpLabels.created(json));
  }
}
