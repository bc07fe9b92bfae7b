package org.starlingx.stxbuild.cli;

import org.starlingx.stxbuild.testenv.kube.RealNode;

/**
 * Pod overrides ({@code --pod-yaml}) for package pods that run for real on the testenv's real node:
 * the rights the chroot needs inside the container (CAP_SYS_ADMIN and CAP_SYS_CHROOT, not
 * privileged; see docs/isolated-builds.md), and where the pods may go.
 */
final class RealNodePodYaml {
  private RealNodePodYaml() {}

  /** Every pod on the real node (selector and toleration), with requests a 2-core machine holds. */
  static String pinned(RealNode node) {
    return node.placementYaml() + pkgbuilder();
  }

  /**
   * Pods that may go to the real node or to a KWOK node, as the scheduler spreads them: the real
   * node's taint tolerated, no node selector; a pod on a KWOK node carries the annotation that lets
   * {@code KwokContainerPlayer} play it.
   */
  static String spread(RealNode node) {
    return "metadata: {annotations: {testenv.starlingx.org/outcome: run}}\n"
        + "spec:\n  tolerations:\n  - key: "
        + node.taintKey()
        + "\n    operator: Equal\n    value: \"true\"\n    effect: NoSchedule\n"
        + pkgbuilder();
  }

  private static String pkgbuilder() {
    return "  containers:\n"
        + "  - name: pkgbuilder\n"
        + "    resources:\n"
        + "      requests: {cpu: 100m, memory: 256Mi}\n"
        + "      limits: {cpu: \"2\", memory: 3Gi}\n"
        + "    securityContext:\n"
        // Kubernetes refuses CAP_SYS_ADMIN with allowPrivilegeEscalation false.
        + "      allowPrivilegeEscalation: true\n"
        + "      capabilities:\n"
        + "        drop: [ALL]\n"
        + "        add: [CHOWN, DAC_OVERRIDE, FOWNER, FSETID, SETUID, SETGID, KILL, SETFCAP,"
        + " SYS_ADMIN, SYS_CHROOT]\n";
  }
}
