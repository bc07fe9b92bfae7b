package org.starlingx.stxbuild.engine.scope;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.starlingx.stxbuild.engine.repo.SessionNames;

/**
 * Every name a build uses, derived from its {@link BuildScope}: namespace, pod and object names,
 * labels and annotations, workspace paths, and repository session names. Names are valid Kubernetes
 * names, the same for the same scope, different for different scopes (each carries a hash of the
 * exact scope), and show the user, project and branch to a person.
 */
public final class ScopeNames {
  /** Label and annotation keys; the scope label is what cleanup selects by. */
  public static final String PREFIX = "build.starlingx.io/";

  public static final String SCOPE_LABEL = PREFIX + "scope";
  public static final String LINE_LABEL = PREFIX + "line";
  public static final String ROLE_LABEL = PREFIX + "role";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String MANAGER = "starlingx-build";

  private final BuildScope scope;
  private final NamingPolicy policy;

  public ScopeNames(BuildScope scope, NamingPolicy policy) {
    this.scope = scope;
    this.policy = policy;
  }

  public BuildScope scope() {
    return scope;
  }

  public NamingPolicy policy() {
    return policy;
  }

  /** The namespace the build's objects live in. */
  public String namespace() {
    return switch (policy.strategy()) {
      case SHARED -> policy.sharedNamespace();
      case PER_USER ->
          KubeNames.label(
              List.of(policy.namespacePrefix(), scope.user()),
              List.of("user", scope.user()),
              KubeNames.MAX_LABEL);
      case PER_PROJECT ->
          KubeNames.label(
              List.of(policy.namespacePrefix(), scope.project()),
              List.of("project", scope.project()),
              KubeNames.MAX_LABEL);
    };
  }

  /** A pod's (or Job's) name for one role and step of this build; a valid DNS-1123 label. */
  public String objectName(String role, String step) {
    return KubeNames.label(
        List.of(scope.user(), scope.project(), scope.branch(), scope.buildId(), role, step),
        List.of(scope.user(), scope.project(), scope.branch(), scope.buildId(), role, step),
        KubeNames.MAX_LABEL);
  }

  /** Unique per scope: what cleanup and "everything of this build" select by. */
  public String scopeId() {
    return KubeNames.hash(List.of(scope.user(), scope.project(), scope.branch(), scope.buildId()));
  }

  /**
   * The build line (user, project, branch) as a name: the key for the branch's last good build, its
   * repository and its build status records.
   */
  public String line() {
    return KubeNames.label(
        List.of(scope.user(), scope.project(), scope.branch()),
        List.of(scope.user(), scope.project(), scope.branch()),
        KubeNames.MAX_LABEL);
  }

  /** This build as a name: its repository session and its log and output folders. */
  public String build() {
    return KubeNames.label(
        List.of(scope.user(), scope.project(), scope.branch(), scope.buildId()),
        List.of(scope.user(), scope.project(), scope.branch(), scope.buildId()),
        KubeNames.MAX_LABEL);
  }

  /** Labels for every object of the build; values are valid label values. */
  public Map<String, String> labels() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(MANAGED_BY, MANAGER);
    labels.put(SCOPE_LABEL, scopeId());
    labels.put(LINE_LABEL, KubeNames.hash(List.of(scope.user(), scope.project(), scope.branch())));
    labels.put(PREFIX + "user", KubeNames.readableLabelValue(scope.user()));
    labels.put(PREFIX + "project", KubeNames.readableLabelValue(scope.project()));
    labels.put(PREFIX + "branch", KubeNames.readableLabelValue(scope.branch()));
    labels.put(PREFIX + "build", KubeNames.readableLabelValue(scope.buildId()));
    return Map.copyOf(labels);
  }

  /** The label selector that finds everything of this build and nothing else. */
  public Map<String, String> selector() {
    return Map.of(SCOPE_LABEL, scopeId());
  }

  /** The exact scope, unsanitised, for people and tools reading the objects. */
  public Map<String, String> annotations() {
    return Map.of(
        PREFIX + "user", scope.user(),
        PREFIX + "project", scope.project(),
        PREFIX + "branch", scope.branch(),
        PREFIX + "build-id", scope.buildId());
  }

  /**
   * The build's workspace under {@code root}: {@code <user>/<project>/<branch>/<build>}, each a
   * sanitised name with a hash, so no input can name {@code ..} or leave {@code root}.
   */
  public Path workspace(Path root) {
    Path base = root.toAbsolutePath().normalize();
    Path workspace =
        base.resolve(segment("user", scope.user()))
            .resolve(segment("project", scope.project()))
            .resolve(segment("branch", scope.branch()))
            .resolve(segment("build", scope.buildId()))
            .normalize();
    if (!workspace.startsWith(base) || workspace.equals(base)) {
      throw new IllegalStateException("workspace " + workspace + " is not inside " + base);
    }
    return workspace;
  }

  /** Where the build's outputs (packages, images, ISO, logs) collect: inside its workspace. */
  public Path outputs(Path root) {
    return workspace(root).resolve("outputs");
  }

  /** The repository session's names: the line's branch repository and this build's session. */
  public SessionNames repositorySession() {
    return new SessionNames(
        line(),
        build(),
        Map.of(
            "stx.scope", scopeId(),
            "stx.user", KubeNames.readableLabelValue(scope.user()),
            "stx.project", KubeNames.readableLabelValue(scope.project())));
  }

  private static String segment(String kind, String value) {
    return KubeNames.label(List.of(value), List.of(kind, value), KubeNames.MAX_LABEL);
  }
}
