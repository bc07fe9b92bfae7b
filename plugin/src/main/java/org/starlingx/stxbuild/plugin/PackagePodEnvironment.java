package org.starlingx.stxbuild.plugin;

import java.util.LinkedHashMap;
import java.util.Map;
import jenkins.model.Jenkins;
import org.csanchez.jenkins.plugins.kubernetes.KubernetesCloud;

/**
 * What a build running in its scope's pod ({@code stxBuild}, or the freestyle wrapper's pod) tells
 * {@code stxBuildPackages} about package pods: the Kubernetes cloud's capacity setting, the
 * pkgbuilder image and the package pods' YAML of the global configuration. Its presence is also the
 * sign that the build runs in such a pod, so the step spreads packages over pods by default.
 */
final class PackagePodEnvironment {
  /** The cloud's container cap (the most pods it runs at once); {@code 0}: no cap. */
  static final String POD_CAPACITY = "STX_BUILD_POD_CAPACITY";

  static final String PKGBUILDER_IMAGE = "STX_PKGBUILDER_IMAGE";

  /**
   * The variable {@code stx-build build} reads package pod YAML from when no --pod-yaml is given.
   */
  static final String PACKAGE_POD_YAML = "STX_PACKAGE_POD_YAML";

  private PackagePodEnvironment() {}

  static Map<String, String> of(StxBuildConfiguration config) {
    int cap = 0;
    if (Jenkins.get().getCloud(config.getCloudName()) instanceof KubernetesCloud cloud
        && cloud.getContainerCap() != Integer.MAX_VALUE) {
      cap = cloud.getContainerCap();
    }
    return of(cap, config.getPkgbuilderImage(), config.getPackagePodYaml());
  }

  static Map<String, String> of(int cloudCap, String pkgbuilderImage, String packagePodYaml) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(POD_CAPACITY, String.valueOf(Math.max(0, cloudCap)));
    if (pkgbuilderImage != null && !pkgbuilderImage.isBlank()) {
      env.put(PKGBUILDER_IMAGE, pkgbuilderImage.strip());
    }
    if (packagePodYaml != null && !packagePodYaml.isBlank()) {
      env.put(PACKAGE_POD_YAML, packagePodYaml);
    }
    return env;
  }
}
