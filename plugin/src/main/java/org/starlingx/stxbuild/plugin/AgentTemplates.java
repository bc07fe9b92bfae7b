package org.starlingx.stxbuild.plugin;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.starlingx.stxbuild.engine.pods.BuildPodFactory;
import org.starlingx.stxbuild.engine.pods.BuildRole;
import org.starlingx.stxbuild.engine.pods.PackagePodManager;
import org.starlingx.stxbuild.engine.pods.RoleSettings;
import org.starlingx.stxbuild.engine.scope.BuildScope;
import org.starlingx.stxbuild.engine.scope.NamespaceStrategy;
import org.starlingx.stxbuild.engine.scope.NamingPolicy;
import org.starlingx.stxbuild.engine.scope.ScopeNames;

/**
 * What {@code stxBuild} hands the kubernetes-plugin's {@code podTemplate}: the cloud, the scope's
 * namespace, a label unique to the build, the agent pod's YAML from the engine, and the environment
 * the body sees.
 */
final class AgentTemplates {
  private AgentTemplates() {}

  /** The names of {@code scope} under the configured namespace strategy. */
  static ScopeNames names(BuildScope scope, StxBuildConfiguration config) {
    return new ScopeNames(
        scope,
        new NamingPolicy(
            NamespaceStrategy.parse(config.getNamespaceStrategy()),
            config.getSharedNamespace(),
            "stx-"));
  }

  static Map<String, Object> of(BuildScope scope, StxBuildConfiguration config) {
    ScopeNames names = names(scope, config);
    Map<BuildRole, RoleSettings> roles = new EnumMap<>(BuildRole.class);
    roles.put(
        BuildRole.BUILDER,
        withRequests(
            RoleSettings.defaults(BuildRole.BUILDER).withImage(config.getBuilderImage()),
            config.getCpuRequest(),
            config.getMemoryRequest()));
    roles.put(
        BuildRole.PKGBUILDER,
        RoleSettings.defaults(BuildRole.PKGBUILDER).withImage(config.getPkgbuilderImage()));
    roles.put(BuildRole.LAT, RoleSettings.defaults(BuildRole.LAT).withImage(config.getLatImage()));
    roles.put(
        BuildRole.IMAGE_BUILDER,
        RoleSettings.defaults(BuildRole.IMAGE_BUILDER).withImage(config.getImageBuilderImage()));
    BuildPodFactory pods = new BuildPodFactory(names, roles);
    List<String> env = new ArrayList<>();
    StxEnvironment.of(names, config.getPulpUrl()).forEach((k, v) -> env.add(k + "=" + v));
    PackagePodEnvironment.of(config).forEach((k, v) -> env.add(k + "=" + v));
    Map<String, Object> template = new LinkedHashMap<>();
    template.put("cloud", config.getCloudName());
    template.put("namespace", names.namespace());
    template.put("label", names.objectName("agent", "pod"));
    template.put(
        "yaml",
        BuildPodFactory.yaml(
            // the builder container creates the build's package pods (stxBuildPackages)
            PackagePodManager.withApiToken(
                shareAgentWorkspace(pods.agentPod(config.getPodYaml())), "builder")));
    template.put("env", env);
    return template;
  }

  /** The directory the kubernetes-plugin's agent works in and shares with every container. */
  static final String AGENT_WORKING_DIR = "/home/jenkins/agent";

  /**
   * The configured requests (blank: the role's default), with the limit raised to the request where
   * the request is larger, as Kubernetes requires.
   */
  static RoleSettings withRequests(RoleSettings role, String cpu, String memory) {
    String cpuRequest = blankOr(cpu, role.cpuRequest());
    String memoryRequest = blankOr(memory, role.memoryRequest());
    return new RoleSettings(
        role.image(),
        cpuRequest,
        larger(role.cpuLimit(), cpuRequest),
        memoryRequest,
        larger(role.memoryLimit(), memoryRequest),
        role.ephemeralStorage(),
        role.nodeSelector(),
        role.tolerations(),
        role.serviceAccount(),
        role.activeDeadlineSeconds());
  }

  /**
   * The builder container works in the agent's workspace: the kubernetes-plugin mounts its
   * workspace volume at the working directory of every container that has nothing mounted there,
   * and {@code container('builder')} runs the steps in the agent's workspace path. The engine's own
   * {@code /workspace} emptyDir (right for a standalone build pod) would hide that volume, so the
   * steps' control files would be written on one volume and read from another.
   */
  static Pod shareAgentWorkspace(Pod pod) {
    for (Container container : pod.getSpec().getContainers()) {
      if (!"builder".equals(container.getName())) {
        continue;
      }
      container.setWorkingDir(AGENT_WORKING_DIR);
      container.getVolumeMounts().removeIf(m -> BuildPodFactory.WORKSPACE.equals(m.getMountPath()));
      for (EnvVar env : container.getEnv()) {
        if ("STX_WORKSPACE".equals(env.getName())) {
          env.setValue(AGENT_WORKING_DIR);
        }
      }
    }
    boolean mounted =
        pod.getSpec().getContainers().stream()
            .flatMap(c -> c.getVolumeMounts().stream())
            .anyMatch(m -> "workspace".equals(m.getName()));
    if (!mounted) {
      pod.getSpec().getVolumes().removeIf(v -> "workspace".equals(v.getName()));
    }
    return pod;
  }

  private static String blankOr(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  private static String larger(String limit, String request) {
    if (limit == null) {
      return null;
    }
    java.math.BigDecimal requested;
    try {
      requested = Quantity.getAmountInBytes(new Quantity(request));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "StarlingX build configuration: request '"
              + request
              + "' is not a Kubernetes quantity; expected e.g. 2, 500m, 4Gi");
    }
    return requested.compareTo(Quantity.getAmountInBytes(new Quantity(limit))) > 0
        ? request
        : limit;
  }
}
