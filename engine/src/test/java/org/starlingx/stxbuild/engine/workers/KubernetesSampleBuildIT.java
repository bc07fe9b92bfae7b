package org.starlingx.stxbuild.engine.workers;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.packagebuild.BuildProgress;
import org.starlingx.stxbuild.engine.packagebuild.BuildSettings;
import org.starlingx.stxbuild.engine.packagebuild.PackageBuild;
import org.starlingx.stxbuild.engine.pods.BuildPodFactory;
import org.starlingx.stxbuild.engine.pods.RoleSettings;
import org.starlingx.stxbuild.engine.repo.SessionNames;
import org.starlingx.stxbuild.engine.repo.pulp.PulpClient;
import org.starlingx.stxbuild.engine.repo.pulp.PulpPackageRepository;
import org.starlingx.stxbuild.engine.repo.pulp.PulpSourcePublisher;
import org.starlingx.stxbuild.engine.repo.pulp.PulpTestClients;
import org.starlingx.stxbuild.engine.schedule.AbortSignal;
import org.starlingx.stxbuild.engine.schedule.TaskOutcome;
import org.starlingx.stxbuild.engine.schedule.TaskResult;
import org.starlingx.stxbuild.engine.scope.BuildScope;
import org.starlingx.stxbuild.engine.scope.NamespaceStrategy;
import org.starlingx.stxbuild.engine.scope.NamingPolicy;
import org.starlingx.stxbuild.engine.scope.ScopeNames;
import org.starlingx.stxbuild.engine.source.LocalMirrorFetcher;
import org.starlingx.stxbuild.engine.source.StxSourceTree;
import org.starlingx.stxbuild.testenv.kube.KubeClusterExtension;
import org.starlingx.stxbuild.testenv.kube.KwokContainerPlayer;
import org.starlingx.stxbuild.testenv.kube.TestNamespace;
import org.starlingx.stxbuild.testenv.pulp.PulpEndpoint;
import org.starlingx.stxbuild.testenv.pulp.PulpServerExtension;

/**
 * The sample tree built in pkgbuilder pods: the real API server schedules them onto KWOK nodes;
 * since KWOK runs no containers, the test plays the container ({@link KwokContainerPlayer}): for
 * each pod that runs, it executes the pod's own command ({@link PodPackageBuild} with the pod's
 * environment) as a process here and then lets KWOK end the pod with its exit status. Sources reach
 * the "pods" from Pulp, build-deps come from the session's apt source, results go from the "pods"
 * into the session.
 */
@ExtendWith({KubeClusterExtension.class, PulpServerExtension.class})
class KubernetesSampleBuildIT {
  static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
  @TempDir Path work;
  private PulpClient pulp;
  private final String run = "k" + Long.toHexString(System.nanoTime()).substring(6);

  @AfterEach
  void cleanUp() {
    if (pulp != null) {
      PulpTestClients.deleteLabelled(pulp, "stx.run=" + run);
    }
  }

  @Test
  void theSampleTreeBuildsInPodsThroughThePackageRepository(
      KubernetesClient client, TestNamespace namespace, PulpEndpoint endpoint) throws Exception {
    pulp = PulpTestClients.connect(endpoint);
    client
        .serviceAccounts()
        .resource(
            new ServiceAccountBuilder()
                .withNewMetadata()
                .withName(RoleSettings.BUILD_POD_SERVICE_ACCOUNT)
                .endMetadata()
                .build())
        .create();
    ScopeNames scope =
        new ScopeNames(
            new BuildScope("ci", run, "master", "1"),
            new NamingPolicy(NamespaceStrategy.SHARED, namespace.name(), "stx-"));
    SessionNames session = new SessionNames(scope.line(), scope.build(), Map.of("stx.run", run));
    PulpSourcePublisher sources = new PulpSourcePublisher(pulp);
    KubernetesPodWorker worker =
        new KubernetesPodWorker(
                client,
                new BuildPodFactory(scope, Map.of()),
                new PodRepositoryAccess(
                    session,
                    endpoint.apiUrl().toString(),
                    endpoint.contentUrl().toString(),
                    endpoint.username(),
                    "pulp-password"),
                request -> sources.publish(session, request.dsc()).toString(),
                "metadata: {annotations: {testenv.starlingx.org/outcome: run}}",
                Duration.ofMinutes(5))
            .withChroot(
                org.starlingx.stxbuild.engine.chroot.ChrootBuildOptions.of(
                    org.starlingx.stxbuild.engine.demo.DemoJob.DIST));
    Path tree = REPOSITORY.resolve("samples/stx-sample-tree");
    KwokContainerPlayer player = new KwokContainerPlayer(client, 2, this::runPodCommand);
    PackageBuild.Outcome outcome;
    try (player) {
      outcome =
          new PackageBuild(
                  StxSourceTree.open(tree),
                  new PulpPackageRepository(pulp, null),
                  new LocalMirrorFetcher(
                      work.resolve("mirror"),
                      Map.of(
                          "https://downloads.starlingx-build.invalid/",
                          REPOSITORY.resolve("samples/stx-sample-upstream").toUri().toString())),
                  worker,
                  work.resolve("work"),
                  BuildProgress.SILENT)
              .run(
                  session,
                  new BuildSettings(
                      org.starlingx.stxbuild.engine.demo.DemoJob.DIST,
                      List.of("std"),
                      "amd64",
                      2,
                      0,
                      // force: every package is built in a pod, none reused from the good builds
                      // of the sample other tests keep in the shared Pulp
                      true),
                  new AbortSignal());
    }

    assertThat(outcome.report().count(TaskResult.State.BUILT))
        .as(outcome.report().toString())
        .isEqualTo(9);
    assertThat(player.exits().values()).containsOnly(0).hasSize(9);
    assertThat(new PulpPackageRepository(pulp, null).branchSource(scope.line())).isPresent();
    assertThat(pulp.deb().repositories().find("stx-branch-" + scope.line())).isPresent();
  }

  /** What the pkgbuilder container runs: {@code stx-build pkgbuild} with the pod's environment. */
  private int runPodCommand(Pod pod) {
    Map<String, String> env = new HashMap<>();
    for (EnvVar var : pod.getSpec().getContainers().get(0).getEnv()) {
      if (var.getValue() != null) {
        env.put(var.getName(), var.getValue());
      }
    }
    try {
      Path dir = Files.createTempDirectory(work, pod.getMetadata().getName());
      TaskOutcome outcome =
          PodPackageBuild.fromEnvironment(env)
              .run(new PulpPackageRepository(pulp, null), dir, new AbortSignal());
      return outcome instanceof TaskOutcome.Built ? 0 : 1;
    } catch (Exception e) {
      e.printStackTrace();
      return 2;
    }
  }
}
