package org.starlingx.build.engine.repo.pulp;

import com.fasterxml.jackson.databind.JsonNode;

/** A Pulp repository as last seen: its href, name and latest version's href. */
public record PulpRepository(String href, String name, String latestVersionHref) {
  static PulpRepository from(JsonNode json) {
    return new PulpRepository(
        json.path("pulp_href").asText(),
        json.path("name").asText(),
        json.path("latest_version_href").asText(null));
  }
}
