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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
import org.starlingx.stxbuild.testenv.kube.TestNamespace;
import org.starlingx.stxbuild.testenv.pulp.PulpEndpoint;
import org.starlingx.stxbuild.testenv.pulp.PulpServerExtension;

/**
 * The sample tree built in pkgbuilder pods: the real API server schedules them onto KWOK nodes;
 * since KWOK runs no containers, the test plays the container: for each pod that runs, it executes
 * the pod's own command ({@link PodPackageBuild} with the pod's environment) as a process here and
 * then lets KWOK end the pod with its exit status. Sources reach the "pods" from Pulp, build-deps
 * come from the session's apt source, results go from the "pods" into the session.
 */
@ExtendWith({KubeClusterExtension.class, PulpServerExtension.class})
class KubernetesSampleBuildIT {
  static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
  @TempDir Path work;
  private PulpClient pulp;
  private final String run = "k" + Long.toHexString(System.nanoTime()).substring(6);
  private final ExecutorService kubelet = Executors.newFixedThreadPool(2);

  @AfterEach
  void cleanUp() {
    kubelet.shutdownNow();
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
            Duration.ofMinutes(5));
    Set<String> played = ConcurrentHashMap.newKeySet();
    Map<String, Integer> exits = new ConcurrentHashMap<>();
    client
        .pods()
        .inform(
            new io.fabric8.kubernetes.client.informers.ResourceEventHandler<Pod>() {
              @Override
              public void onAdd(Pod pod) {
                onUpdate(null, pod);
              }

              @Override
              public void onUpdate(Pod old, Pod pod) {
                if ("Running".equals(pod.getStatus().getPhase())
                    && played.add(pod.getMetadata().getName())) {
                  kubelet.submit(() -> playContainer(client, pod, endpoint, exits));
                }
              }

              @Override
              public void onDelete(Pod pod, boolean unknown) {}
            });

    Path tree = REPOSITORY.resolve("samples/stx-sample-tree");
    PackageBuild.Outcome outcome =
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
                new BuildSettings("bullseye", List.of("std"), "amd64", 2, 0, false),
                new AbortSignal());

    assertThat(outcome.report().count(TaskResult.State.BUILT))
        .as(outcome.report().toString())
        .isEqualTo(9);
    assertThat(exits.values()).containsOnly(0).hasSize(9);
    assertThat(new PulpPackageRepository(pulp, null).branchSource(scope.line())).isPresent();
    assertThat(pulp.deb().repositories().find("stx-branch-" + scope.line())).isPresent();
  }

  /** Runs the pod's command as the container would, then ends the pod with its exit status. */
  private void playContainer(
      KubernetesClient client, Pod pod, PulpEndpoint endpoint, Map<String, Integer> exits) {
    Map<String, String> env = new HashMap<>();
    for (EnvVar var : pod.getSpec().getContainers().get(0).getEnv()) {
      if (var.getValue() != null) {
        env.put(var.getName(), var.getValue());
      }
    }
    int exit;
    try {
      Path dir = Files.createTempDirectory(work, pod.getMetadata().getName());
      TaskOutcome outcome =
          PodPackageBuild.fromEnvironment(env)
              .run(new PulpPackageRepository(pulp, null), dir, new AbortSignal());
      exit = outcome instanceof TaskOutcome.Built ? 0 : 1;
    } catch (Exception e) {
      e.printStackTrace();
      exit = 2;
    }
    exits.put(pod.getMetadata().getName(), exit);
    String outcome = exit == 0 ? "succeed" : "fail";
    String exitCode = String.valueOf(exit);
    client
        .pods()
        .withName(pod.getMetadata().getName())
        .edit(
            p -> {
              p.getMetadata().getAnnotations().put("testenv.starlingx.org/outcome", outcome);
              p.getMetadata().getAnnotations().put("testenv.starlingx.org/exit-code", exitCode);
              p.getMetadata().getAnnotations().put("testenv.starlingx.org/duration", "0s");
              return p;
            });
  }
}
