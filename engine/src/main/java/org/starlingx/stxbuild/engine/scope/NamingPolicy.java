package org.starlingx.stxbuild.engine.scope;

/**
 * How builds are spread over namespaces, chosen in configuration.
 *
 * @param strategy one namespace for all, or one per user, or one per project
 * @param sharedNamespace the namespace of {@link NamespaceStrategy#SHARED}
 * @param namespacePrefix what per-user and per-project namespaces start with, e.g. {@code stx-}
 */
public record NamingPolicy(
    NamespaceStrategy strategy, String sharedNamespace, String namespacePrefix) {
  public static final NamingPolicy DEFAULT =
      new NamingPolicy(NamespaceStrategy.SHARED, "stx-builds", "stx-");

  public NamingPolicy {
    if (strategy == null) {
      throw new IllegalArgumentException("namespace strategy is missing");
    }
    if (sharedNamespace == null
        || sharedNamespace.length() > KubeNames.MAX_LABEL
        || !KubeNames.DNS_LABEL.matcher(sharedNamespace).matches()) {
      throw new IllegalArgumentException(
          "shared namespace '"
              + sharedNamespace
              + "' is not a valid namespace name; expected at most 63 lower-case letters, digits"
              + " and '-', starting and ending with a letter or digit");
    }
    if (namespacePrefix == null || !namespacePrefix.matches("[a-z]([-a-z0-9]{0,18})?")) {
      throw new IllegalArgumentException(
          "namespace prefix '"
              + namespacePrefix
              + "' is not usable; expected 1 to 20 lower-case letters, digits and '-',"
              + " starting with a letter");
    }
  }

  public NamingPolicy withStrategy(NamespaceStrategy newStrategy) {
    return new NamingPolicy(newStrategy, sharedNamespace, namespacePrefix);
  }
}
