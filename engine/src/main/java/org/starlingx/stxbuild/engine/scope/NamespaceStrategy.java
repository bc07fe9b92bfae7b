package org.starlingx.stxbuild.engine.scope;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which Kubernetes namespace a build's objects go to. */
public enum NamespaceStrategy {
  /** Every build in one namespace (the simplest RBAC; names keep builds apart). */
  SHARED,
  /** One namespace per user: quotas and RBAC per user. */
  PER_USER,
  /** One namespace per project: quotas and RBAC per project. */
  PER_PROJECT;

  /** Parses {@code shared}, {@code per-user}, {@code per-project} (any case, - or _). */
  public static NamespaceStrategy parse(String text) {
    String normalized = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (NamespaceStrategy strategy : values()) {
      if (strategy.name().equals(normalized)) {
        return strategy;
      }
    }
    throw new IllegalArgumentException(
        "namespace strategy '"
            + text
            + "' is unknown; expected one of "
            + Arrays.stream(values())
                .map(NamespaceStrategy::configName)
                .collect(Collectors.joining(", ")));
  }

  /** The name used in configuration files. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
