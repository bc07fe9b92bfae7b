package org.starlingx.stxbuild.engine.tenancy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.starlingx.stxbuild.engine.scope.NamespaceStrategy;
import org.starlingx.stxbuild.engine.scope.NamingPolicy;

/**
 * How tenants are provisioned and share the cluster: what the Helm chart renders into the {@code
 * tenants.yaml} of its ConfigMap {@code <release>-starlingx-build-tenants} from its {@code tenants}
 * values (see docs/tenants.md).
 *
 * @param policy the namespace strategy (per-user or per-project) and the namespaces' prefix
 * @param buildServiceAccount the account that manages build pods (bound in every tenant namespace)
 * @param buildServiceAccountNamespace where that account lives (the chart's release namespace)
 * @param buildClusterRole the ClusterRole a tenant's RoleBinding grants the build account
 * @param defaults the terms of every tenant without an override
 * @param userOverrides terms per readable user name (per-user strategy)
 * @param projectOverrides terms per readable project name (per-project strategy)
 * @param capacity how many pkgbuilder pods may run at once over all tenants (the fair share's
 *     whole); 0 = no fair share
 * @param coordinationNamespace where builds announce waiting work (Leases) to each other
 */
public record TenantSettings(
    NamingPolicy policy,
    String buildServiceAccount,
    String buildServiceAccountNamespace,
    String buildClusterRole,
    TenantTerms defaults,
    Map<String, TenantTerms.Override> userOverrides,
    Map<String, TenantTerms.Override> projectOverrides,
    int capacity,
    String coordinationNamespace) {
  private static final Set<String> TOP_LEVEL =
      Set.of(
          "strategy",
          "namespacePrefix",
          "buildServiceAccount",
          "buildClusterRole",
          "defaults",
          "overrides",
          "fairShare");
  private static final Set<String> TERMS =
      Set.of("quota", "limitDefault", "limitDefaultRequest", "limitMax", "weight");

  public TenantSettings {
    Tenant.Kind.of(policy.strategy());
    userOverrides = Map.copyOf(userOverrides);
    projectOverrides = Map.copyOf(projectOverrides);
    if (capacity < 0) {
      throw new IllegalArgumentException(
          "fairShare.capacity is " + capacity + "; expected 0 (off) or more");
    }
  }

  /** A tenant's terms: the defaults with its override, if any, applied. */
  public TenantTerms terms(Tenant tenant) {
    var overrides = tenant.kind() == Tenant.Kind.USER ? userOverrides : projectOverrides;
    return defaults.with(overrides.get(tenant.name()));
  }

  /** The tenant called {@code name} under this strategy. */
  public Tenant tenant(String name) {
    return new Tenant(Tenant.Kind.of(policy.strategy()), name);
  }

  /** Reads {@code tenants.yaml}; {@code source} names it in errors. */
  public static TenantSettings parse(String yaml, String source) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          source + " is not valid YAML: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(source + " is empty; expected the tenant settings map");
    }
    unknown(root, TOP_LEVEL, source, "");
    NamingPolicy policy =
        new NamingPolicy(
            NamespaceStrategy.parse(text(root, "strategy", "per-user")),
            "stx-builds",
            text(root, "namespacePrefix", "stx-"));
    JsonNode account = root.path("buildServiceAccount");
    JsonNode fairShare = root.path("fairShare");
    unknown(fairShare, Set.of("capacity", "namespace"), source, "fairShare.");
    unknown(account, Set.of("name", "namespace"), source, "buildServiceAccount.");
    JsonNode overrides = root.path("overrides");
    unknown(overrides, Set.of("users", "projects"), source, "overrides.");
    try {
      return new TenantSettings(
          policy,
          required(account, "name", source, "buildServiceAccount."),
          required(account, "namespace", source, "buildServiceAccount."),
          required(root, "buildClusterRole", source, ""),
          defaults(root.path("defaults"), source),
          overrides(overrides.path("users"), source, "overrides.users."),
          overrides(overrides.path("projects"), source, "overrides.projects."),
          fairShare.path("capacity").asInt(0),
          fairShare.path("namespace").asText(account.path("namespace").asText()));
    } catch (IllegalArgumentException e) {
      throw e.getMessage().startsWith(source)
          ? e
          : new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  private static TenantTerms defaults(JsonNode node, String source) {
    unknown(node, TERMS, source, "defaults.");
    return new TenantTerms(
        map(node.path("quota"), source, "defaults.quota"),
        map(node.path("limitDefault"), source, "defaults.limitDefault"),
        map(node.path("limitDefaultRequest"), source, "defaults.limitDefaultRequest"),
        map(node.path("limitMax"), source, "defaults.limitMax"),
        node.path("weight").asInt(1));
  }

  private static Map<String, TenantTerms.Override> overrides(
      JsonNode node, String source, String path) {
    Map<String, TenantTerms.Override> result = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String at = path + entry.getKey() + ".";
      JsonNode terms = entry.getValue();
      unknown(terms, TERMS, source, at);
      result.put(
          entry.getKey(),
          new TenantTerms.Override(
              map(terms.path("quota"), source, at + "quota"),
              map(terms.path("limitDefault"), source, at + "limitDefault"),
              map(terms.path("limitDefaultRequest"), source, at + "limitDefaultRequest"),
              map(terms.path("limitMax"), source, at + "limitMax"),
              terms.has("weight") ? terms.get("weight").asInt() : null));
    }
    return result;
  }

  private static Map<String, String> map(JsonNode node, String source, String path) {
    Map<String, String> result = new LinkedHashMap<>();
    if (node.isMissingNode() || node.isNull()) {
      return result;
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException(
          source + ": " + path + " is " + node.getNodeType() + "; expected a map of quantities");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (!entry.getValue().isValueNode()) {
        throw new IllegalArgumentException(
            source + ": " + path + "." + entry.getKey() + " is not a quantity; expected e.g. 4Gi");
      }
      result.put(entry.getKey(), entry.getValue().asText());
    }
    return result;
  }

  private static void unknown(JsonNode node, Set<String> known, String source, String path) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!known.contains(field)) {
        throw new IllegalArgumentException(
            source
                + ": unknown setting "
                + path
                + field
                + "; expected one of "
                + String.join(", ", new java.util.TreeSet<>(known)));
      }
    }
  }

  private static String text(JsonNode node, String field, String fallback) {
    JsonNode value = node.path(field);
    return value.isMissingNode() || value.isNull() ? fallback : value.asText();
  }

  private static String required(JsonNode node, String field, String source, String path) {
    String value = text(node, field, "");
    if (value.isBlank()) {
      throw new IllegalArgumentException(source + ": " + path + field + " is missing");
    }
    return value;
  }
}
