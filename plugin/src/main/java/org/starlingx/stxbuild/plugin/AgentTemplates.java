package org.starlingx.stxbuild.plugin;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.starlingx.stxbuild.engine.pods.BuildPodFactory;
import org.starlingx.stxbuild.engine.pods.BuildRole;
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

  static Map<String, Object> of(BuildScope scope, StxBuildConfiguration config) {
    ScopeNames names =
        new ScopeNames(
            scope,
            new NamingPolicy(
                NamespaceStrategy.parse(config.getNamespaceStrategy()),
                config.getSharedNamespace(),
                "stx-"));
    Map<BuildRole, RoleSettings> roles = new EnumMap<>(BuildRole.class);
    roles.put(
        BuildRole.BUILDER,
        RoleSettings.defaults(BuildRole.BUILDER).withImage(config.getBuilderImage()));
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
    Map<String, Object> template = new LinkedHashMap<>();
    template.put("cloud", config.getCloudName());
    template.put("namespace", names.namespace());
    template.put("label", names.objectName("agent", "pod"));
    template.put("yaml", BuildPodFactory.yaml(pods.agentPod(config.getPodYaml())));
    template.put("env", env);
    return template;
  }
}
