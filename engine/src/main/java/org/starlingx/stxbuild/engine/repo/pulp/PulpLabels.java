package org.starlingx.stxbuild.engine.repo.pulp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the labels and creation time every Pulp resource carries. */
final class PulpLabels {
  private PulpLabels() {}

  static Map<String, String> of(JsonNode resource) {
    Map<String, String> labels = new LinkedHashMap<>();
    resource
        .path("pulp_labels")
        .properties()
        .forEach(entry -> labels.put(entry.getKey(), entry.getValue().asText()));
    return labels;
  }

  static Instant created(JsonNode resource) {
    String created = resource.path("pulp_created").asText("");
    return created.isEmpty() ? Instant.EPOCH : Instant.parse(created);
  }
}
