package org.starlingx.stxbuild.engine.retention;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Something a build left in a store: a repository, a distribution, a suite or a log, with the
 * labels it was created with.
 *
 * @param id how the store finds it again (an href, a suite name)
 * @param kind what it is, for reports
 * @param created when it was created
 * @param labels its labels: {@code stx.role}, {@code stx.released}, {@code stx.keep}, scope labels
 */
public record StoredItem(String id, String kind, Instant created, Map<String, String> labels) {
  public StoredItem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(created, "created");
    labels = Map.copyOf(labels);
  }

  public String role() {
    return labels.getOrDefault("stx.role", "");
  }
}
