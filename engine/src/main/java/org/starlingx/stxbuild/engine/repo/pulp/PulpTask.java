package org.starlingx.stxbuild.engine.repo.pulp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A Pulp task as last seen.
 *
 * @param href the task's href
 * @param name what Pulp runs, for example {@code pulpcore.app.tasks.base.general_create}
 * @param state {@code waiting}, {@code running}, {@code completed}, {@code failed}, {@code
 *     canceled}
 * @param createdResources hrefs of what the task created
 * @param error Pulp's description of the failure, or null
 */
public record PulpTask(
    String href, String name, String state, List<String> createdResources, String error) {

  public PulpTask {
    createdResources = List.copyOf(createdResources);
  }

  static PulpTask from(JsonNode json) {
    List<String> created = new ArrayList<>();
    json.path("created_resources").forEach(node -> created.add(node.asText()));
    JsonNode error = json.path("error");
    String description = error.isMissingNode() || error.isNull() ? null : describe(error);
    return new PulpTask(
        json.path("pulp_href").asText(),
        json.path("name").asText(),
        json.path("state").asText(),
        created,
        description);
  }

  /** Whether Pulp will not change this task any more. */
  public boolean finished() {
    return switch (state) {
      case "completed", "failed", "canceled", "skipped" -> true;
      default -> false;
    };
  }

  /**
   * The first created resource whose href contains {@code fragment}, such as {@code
   * /publications/}.
   */
  public String createdResource(String fragment) {
    return createdResources.stream()
        .filter(href -> href.contains(fragment))
        .findFirst()
        .orElseThrow(
            () ->
                new PulpException(
                    "task " + href + " created no " + fragment + " resource: " + createdResources,
                    -1));
  }

  private static String describe(JsonNode error) {
    JsonNode description = error.path("description");
    return description.isTextual() ? description.asText() : error.toString();
  }
}
