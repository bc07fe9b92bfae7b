package org.starlingx.stxbuild.engine.repo.pulp;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.Map;

/** A Pulp distribution: where the content app serves a publication. */
public record PulpDistribution(
    String href,
    String name,
    String basePath,
    URI baseUrl,
    Map<String, String> labels,
    Instant created) {
  static PulpDistribution from(JsonNode json) {
    return new PulpDistribution(
        json.path("pulp_href").asText(),
        json.path("name").asText(),
        json.path("base_path").asText(),
        URI.create(json.path("base_url").asText()),
        PulpLabels.of(json),
        PulpLabels.created(json));
  }
}
