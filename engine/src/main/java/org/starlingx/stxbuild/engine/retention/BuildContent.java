package org.starlingx.stxbuild.engine.retention;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The packages one build refers to, as a store holds them (in Pulp: one version of a session or
 * branch repository): what it built and what it reused from earlier builds alike.
 *
 * @param id how the store finds the build again (a repository version's href)
 * @param kept whether retention keeps the build (released, a line's last good, within the period)
 * @param content the packages it refers to (content hrefs)
 * @param labels the labels of the repository holding it
 */
public record BuildContent(
    String id, boolean kept, Set<String> content, Map<String, String> labels) {
  public BuildContent {
    Objects.requireNonNull(id, "id");
    content = Set.copyOf(content);
    labels = Map.copyOf(labels);
  }
}
