package org.starlingx.stxbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.demo.DemoJob;
import org.starlingx.stxbuild.engine.demo.StaticUpstream;
import org.starlingx.stxbuild.engine.pods.RoleSettings;
import org.starlingx.stxbuild.engine.repo.pulp.PulpClient;
import org.starlingx.stxbuild.engine.scope.ScopeNames;
import org.starlingx.stxbuild.engine.workers.PlayedPkgbuilder;
import org.starlingx.stxbuild.testenv.kube.KubeCluster;
import org.starlingx.stxbuild.testenv.kube.KubeClusterExtension;
import org.starlingx.stxbuild.testenv.kube.KwokContainerPlayer;
import org.starlingx.stxbuild.testenv.kube.RealNode;
import org.starlingx.stxbuild.testenv.kube.TestNamespace;
import org.starlingx.stxbuild.testenv.pulp.PulpEndpoint;
import org.starlingx.stxbuild.testenv.pulp.PulpServerExtension;

/**
 * {@code stx-build build --on kubernetes} over the sample tree, as a user runs it: one transient
 * pkgbuilder pod per package, SPREAD by the real scheduler over several nodes (the build's pods
 * prefer different nodes), sources and build-deps through the real Pulp, and no pod or Secret left.
 * The pods tolerate the real node's taint without being pinned to it, so the scheduler puts some on
 * the testenv's real node, where containerd runs the project's pkgbuilder image for real, and the
 * others on KWOK nodes.
 *
 * <p>Why KWOK nodes at all: spreading needs more than one node, and testenv has one real node (a
 * second kubelet on this machine would share its containerd, cgroups and bridge, proving nothing
 * more). KWOK runs no containers, so the test plays the containers of the pods on KWOK nodes by
 * running the pod's own command with the pod's environment here ({@link KwokContainerPlayer},
 * {@link PlayedPkgbuilder}); the real node's pods are left to the kubelet. The report names each
 * package's node.
 *
 * <p>CI builds three independent packages ({@code libstxsample}, {@code stx-sample-base}, {@code
 * stx-sample-docs}): three pods at once over the three nodes they may use ({@code stx-node-3} is
 * the sysbox node), one level, so the test costs about one real pod's time; in-tree build-deps
 * through the session are proven in real pods by {@code RealNodeBuildOnKubernetesIT}. {@code
 * -Dstx.it.spreadAll=true} builds the whole sample tree.
 */
@ExtendWith({KubeClusterExtension.class, PulpServerExtension.class})
class BuildOnKubernetesIT {
  static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
  private static final Pattern POD =
      Pattern.compile("(\\S+): .*pod \\S+ on node (\\S+), running after");
  @TempDir Path work;

  @Test
  void packagesBuildInPodsSpreadOverTheNodesAndNoPodIsLeft(
      KubernetesClient client,
      TestNamespace namespace,
      KubeCluster cluster,
      PulpEndpoint endpoint,
      RealNode node)
      throws Exception {
    String image = PkgbuilderImage.ensure(node, "bullseye");
    client
        .serviceAccounts()
        .resource(
            new ServiceAccountBuilder()
                .withNewMetadata()
                .withName(RoleSettings.BUILD_POD_SERVICE_ACCOUNT)
                .endMetadata()
                .build())
        .create();
    Path password = Files.writeString(work.resolve("pulp-password"), endpoint.password());
    Path podYaml = Files.writeString(work.resolve("pod.yaml"), RealNodePodYaml.spread(node));
    PulpClient pulp = TestPulpClients.connect(endpoint);
    String project = "kube" + Long.toHexString(System.nanoTime()).substring(8);
    boolean all = Boolean.getBoolean("stx.it.spreadAll");

    CliRun run;
    try (StaticUpstream upstream =
            new StaticUpstream(REPOSITORY.resolve("samples/stx-sample-upstream"));
        KwokContainerPlayer player =
            new KwokContainerPlayer(
                client, 3, (pod, stopped) -> PlayedPkgbuilder.run(pod, pulp, work, stopped))) {
      List<String> args = new ArrayList<>(List.of("build"));
      args.addAll(PodBuildArgs.inPods(cluster, namespace, podYaml, image, node, 3));
      args.addAll(PodBuildArgs.pulp(endpoint, password));
      args.addAll(
          List.of(
              "--tree",
              REPOSITORY.resolve("samples/stx-sample-tree").toString(),
              "--mirror-rewrite",
              DemoJob.SAMPLE_UPSTREAM + "=" + upstream.baseUrl(),
              "--user",
              "kube-it",
              "--project",
              project,
              "--build-id",
              "1",
              // Every package is built in a pod: the shared Pulp holds good builds of the
              // sample from other tests, which reuse across lines would take instead.
              "--reuse-scope",
              "line",
              "--work",
              work.resolve("work").toString()));
      if (!all) {
        args.addAll(List.of("--packages", "libstxsample,stx-sample-base,stx-sample-docs"));
      }
      run = CliRun.of(args.toArray(String[]::new));
      System.out.println(run.out());
      assertThat(run.exit()).as(run.out() + run.err()).isZero();
      int packages = all ? 9 : 3;
      assertThat(run.out()).contains(packages + " built");

      // Each package's line names its pod's node: the report shows where every package built.
      Map<String, String> nodeOf = new TreeMap<>();
      Matcher pod = POD.matcher(run.out());
      while (pod.find()) {
        nodeOf.put(pod.group(1), pod.group(2));
      }
      System.out.println("node per package: " + nodeOf);
      assertThat(nodeOf).as(run.out()).hasSize(packages);
      // The scheduler spread the build's pods over several nodes; which ones is its choice (a
      // CI run got stx-node-1, stx-node-2, stx-node-1): a pod on the real node runs for real, the
      // others are played. Real containers building are RealNodeBuildOnKubernetesIT's proof.
      assertThat(java.util.Set.copyOf(nodeOf.values())).as(run.out()).hasSizeGreaterThan(1);
      long played = nodeOf.values().stream().filter(n -> !n.equals(node.name())).count();
      assertThat(player.exits().values()).as(run.out()).hasSize((int) played).containsOnly(0);
    }
    assertThat(client.pods().list().getItems()).isEmpty();
    assertThat(client.secrets().withLabel(ScopeNames.SCOPE_LABEL).list().getItems()).isEmpty();
  }
}
