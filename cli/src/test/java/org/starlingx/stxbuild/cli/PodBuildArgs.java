package org.starlingx.stxbuild.cli;

import java.nio.file.Path;
import java.util.List;
import org.starlingx.stxbuild.testenv.kube.KubeCluster;
import org.starlingx.stxbuild.testenv.kube.RealNode;
import org.starlingx.stxbuild.testenv.kube.TestNamespace;
import org.starlingx.stxbuild.testenv.pulp.PulpEndpoint;

/** The {@code stx-build build} arguments the CLI's Kubernetes ITs share. */
final class PodBuildArgs {
  private PodBuildArgs() {}

  /**
   * Package pods in the test's namespace, placed by {@code podYaml}, running the project's {@code
   * image}, at most {@code maxPods} at once; they reach Pulp at the real node's bridge addresses
   * (played pods too: the bridge address is local to this machine).
   */
  static List<String> inPods(
      KubeCluster cluster,
      TestNamespace namespace,
      Path podYaml,
      String image,
      RealNode node,
      int maxPods) {
    return List.of(
        "--on",
        "kubernetes",
        "--max-pods",
        String.valueOf(maxPods),
        "--kubeconfig",
        cluster.kubeconfig().toString(),
        "--namespace",
        namespace.name(),
        "--pod-yaml",
        podYaml.toString(),
        "--pkgbuilder-image",
        image,
        "--pod-pulp-url",
        node.pulpApiUrl(),
        "--pod-pulp-content-url",
        node.pulpContentUrl());
  }

  /** The testenv Pulp, as the CLI on this machine reaches it. */
  static List<String> pulp(PulpEndpoint endpoint, Path password) {
    return List.of(
        "--pulp-url",
        endpoint.apiUrl().toString(),
        "--pulp-content-url",
        endpoint.contentUrl().toString(),
        "--pulp-password-file",
        password.toString());
  }
}
