package org.starlingx.stxbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.demo.DemoJob;
import org.starlingx.stxbuild.engine.demo.StaticUpstream;
import org.starlingx.stxbuild.engine.pods.RoleSettings;
import org.starlingx.stxbuild.engine.repo.pulp.PulpClient;
import org.starlingx.stxbuild.engine.scope.ScopeNames;
import org.starlingx.stxbuild.testenv.kube.KubeCluster;
import org.starlingx.stxbuild.testenv.kube.KubeClusterExtension;
import org.starlingx.stxbuild.testenv.kube.TestNamespace;
import org.starlingx.stxbuild.testenv.pulp.PulpEndpoint;
import org.starlingx.stxbuild.testenv.pulp.PulpServerExtension;

/**
 * SIGTERM to the packaged {@code stx-build build --on kubernetes} (a separate process, as a user or
 * the Jenkins agent runs it) while its package pods run: the CLI ends promptly with a non-zero code
 * and says the build was aborted, every pod and secret of the build (by the scope's labels) is
 * deleted, and no session of the build is left in Pulp. The package pods are on KWOK nodes and
 * nobody plays them, so they would run for ever: only the abort can remove them.
 */
@ExtendWith({KubeClusterExtension.class, PulpServerExtension.class})
class AbortOnKubernetesIT {
  private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
  private static final Path JAR = Path.of("target", "stx-build.jar").toAbsolutePath();

  @TempDir Path work;

  @Test
  void sigtermDeletesEveryPodOfTheBuildAndLeavesNoSession(
      KubernetesClient client, TestNamespace namespace, KubeCluster cluster, PulpEndpoint endpoint)
      throws Exception {
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
    // "run": KWOK keeps the pod Running until it is deleted (no player ends it).
    Path podYaml =
        Files.writeString(
            work.resolve("pod.yaml"),
            "metadata: {annotations: {testenv.starlingx.org/outcome: run}}\n");
    String project = "abort" + Long.toHexString(System.nanoTime()).substring(8);
    String user = "abort-it-" + Long.toHexString(System.nanoTime()).substring(8);
    String projectLabel = ScopeNames.PREFIX + "project";
    Path output = work.resolve("build.out");

    try (StaticUpstream upstream =
        new StaticUpstream(REPOSITORY.resolve("samples/stx-sample-upstream"))) {
      List<String> command = new ArrayList<>();
      command.add(ProcessHandle.current().info().command().orElse("java"));
      command.add("-jar");
      command.add(JAR.toString());
      command.addAll(
          List.of(
              "build",
              "--on",
              "kubernetes",
              "--max-pods",
              "3",
              "--kubeconfig",
              cluster.kubeconfig().toString(),
              "--namespace",
              namespace.name(),
              "--pod-yaml",
              podYaml.toString(),
              "--tree",
              REPOSITORY.resolve("samples/stx-sample-tree").toString(),
              "--pulp-url",
              endpoint.apiUrl().toString(),
              "--pulp-content-url",
              endpoint.contentUrl().toString(),
              "--pulp-password-file",
              password.toString(),
              "--mirror-rewrite",
              DemoJob.SAMPLE_UPSTREAM + "=" + upstream.baseUrl(),
              "--user",
              user,
              "--project",
              project,
              "--build-id",
              "1",
              // Nothing of another line is taken: the build has packages to send to pods.
              "--reuse-scope",
              "line",
              "--work",
              work.resolve("work").toString()));
      Process build =
          new ProcessBuilder(command)
              .directory(work.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      try {
        Awaitility.await()
            .atMost(Duration.ofMinutes(5))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () ->
                    !build.isAlive()
                        || client.pods().withLabel(projectLabel, project).list().getItems().stream()
                            .anyMatch(p -> "Running".equals(p.getStatus().getPhase())));
        assertThat(build.isAlive()).as("the build runs its pods: " + read(output)).isTrue();
        int pods = client.pods().withLabel(projectLabel, project).list().getItems().size();
        assertThat(client.pods().withLabel(projectLabel, project).list().getItems())
            .as("the build's pods carry the scope label")
            .allMatch(p -> p.getMetadata().getLabels().containsKey(ScopeNames.SCOPE_LABEL));

        long signalled = System.nanoTime();
        build.destroy(); // SIGTERM
        // The pods go first (deleted as soon as the workers see the abort), the CLI once it has
        // aborted its session and written its summary.
        Awaitility.await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .until(
                () -> client.pods().withLabel(projectLabel, project).list().getItems().isEmpty());
        double podsGoneSeconds = (System.nanoTime() - signalled) / 1e9;
        assertThat(build.waitFor(60, TimeUnit.SECONDS))
            .as("the CLI ends within 60 s of SIGTERM")
            .isTrue();
        double exitSeconds = (System.nanoTime() - signalled) / 1e9;
        assertThat(build.exitValue()).as("exit code after SIGTERM").isNotZero();
        String out = read(output);
        System.out.println(out);
        assertThat(out)
            .contains("build aborted (stopped by a signal (SIGTERM or SIGINT))")
            .contains("failed", "skipped", "report:")
            .doesNotContain("Exception", "\tat ");
        assertThat(client.secrets().withLabel(projectLabel, project).list().getItems())
            .as("no secret of the build is left")
            .isEmpty();
        PulpClient pulp = TestPulpClients.connect(endpoint);
        String session = "stx.role=session,stx.user=" + user;
        assertThat(pulp.deb().repositories().labelled(session))
            .as("no package session of the build is left in Pulp")
            .isEmpty();
        assertThat(pulp.files().repositories().labelled(session))
            .as("no source repository of the build is left in Pulp")
            .isEmpty();
        System.out.printf(
            "SIGTERM with %d package pods running: CLI exited %d after %.1f s, pods gone after"
                + " %.1f s%n",
            pods, build.exitValue(), exitSeconds, podsGoneSeconds);
      } finally {
        build.destroyForcibly();
      }
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      return "";
    }
  }
}
