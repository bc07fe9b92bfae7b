package org.starlingx.stxbuild.engine.workers;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.pods.BuildPodFactory;
import org.starlingx.stxbuild.engine.pods.BuildRole;
import org.starlingx.stxbuild.engine.pods.RoleSettings;
import org.starlingx.stxbuild.engine.repo.AptSource;
import org.starlingx.stxbuild.engine.repo.SessionNames;
import org.starlingx.stxbuild.engine.schedule.AbortSignal;
import org.starlingx.stxbuild.engine.schedule.BuildScheduler;
import org.starlingx.stxbuild.engine.schedule.BuildTask;
import org.starlingx.stxbuild.engine.schedule.DurationEstimates;
import org.starlingx.stxbuild.engine.schedule.ScheduleReport;
import org.starlingx.stxbuild.engine.schedule.SchedulerOptions;
import org.starlingx.stxbuild.engine.schedule.TaskOutcome;
import org.starlingx.stxbuild.engine.schedule.TaskResult;
import org.starlingx.stxbuild.engine.scope.BuildScope;
import org.starlingx.stxbuild.engine.scope.NamespaceStrategy;
import org.starlingx.stxbuild.engine.scope.NamingPolicy;
import org.starlingx.stxbuild.engine.scope.ScopeNames;
import org.starlingx.stxbuild.testenv.kube.KubeClusterExtension;
import org.starlingx.stxbuild.testenv.kube.RealNode;
import org.starlingx.stxbuild.testenv.kube.TestNamespace;

/**
 * The pkgbuilder pod worker on the testenv's real node: containerd and runc run the pod's container
 * from the testenv registry's Debian image, with the role's memory limit as a real cgroup limit.
 * What KubernetesPodWorkerIT plays with KWOK annotations happens here for real: the kernel
 * OOM-kills a container over its limit, abort kills a running container, an image that cannot be
 * pulled is reported at once.
 */
@ExtendWith(KubeClusterExtension.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RealNodePodWorkerIT {
  private static final String CONTAINER = BuildRole.PKGBUILDER.id();
  @TempDir Path logs;
  private KubernetesClient client;
  private RealNode node;
  private TestNamespace namespace;

  @BeforeEach
  void setUp(KubernetesClient client, TestNamespace namespace, RealNode node) {
    this.client = client;
    this.node = node;
    this.namespace = namespace;
    client
        .serviceAccounts()
        .resource(
            new ServiceAccountBuilder()
                .withNewMetadata()
                .withName(RoleSettings.BUILD_POD_SERVICE_ACCOUNT)
                .endMetadata()
                .build())
        .create();
    client
        .secrets()
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("pulp-password")
                .endMetadata()
                .addToStringData("password", "not-used-here")
                .build())
        .create();
  }

  /** The pkgbuilder role on the real node: the given image and memory limit, a small request. */
  private KubernetesPodWorker worker(String image, String memoryLimit, String script) {
    RoleSettings role =
        new RoleSettings(
            image,
            "100m",
            "1",
            "32Mi",
            memoryLimit,
            "1Gi",
            node.nodeSelector(),
            List.of(node.toleration()),
            RoleSettings.BUILD_POD_SERVICE_ACCOUNT,
            600);
    BuildPodFactory pods =
        new BuildPodFactory(
            new ScopeNames(
                new BuildScope("alice", "stx", "master", "7"),
                new NamingPolicy(NamespaceStrategy.SHARED, namespace.name(), "stx-")),
            Map.of(BuildRole.PKGBUILDER, role));
    // The test's script replaces `stx-build pkgbuild` (that needs the pkgbuilder image).
    String override =
        "spec:\n  containers:\n  - name: "
            + CONTAINER
            + "\n    command: [\"bash\", \"-c\", "
            + quoted(script)
            + "]\n";
    return new KubernetesPodWorker(
        client,
        pods,
        new PodRepositoryAccess(
            new SessionNames("line", "line-7", Map.of()),
            node.pulpApiUrl(),
            node.pulpContentUrl(),
            "admin",
            "pulp-password"),
        r -> node.pulpContentUrl() + "/sources/" + r.name() + ".dsc",
        override,
        Duration.ofMinutes(4));
  }

  private static String quoted(String script) {
    return "\"" + script.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private PackageBuildRequest request(String name) {
    return new PackageBuildRequest(
        name,
        Path.of(name + ".dsc"),
        List.of(),
        AptSource.trusted(java.net.URI.create(node.pulpContentUrl() + "/s/"), "default", "all"),
        logs.resolve(name + ".log"));
  }

  @Test
  void theContainerRunsForRealWithItsLimitsAndItsLogIsRead() throws Exception {
    String script =
        "echo \"debian $(cat /etc/debian_version) uid $(id -u) package $STX_PACKAGE\";"
            + " echo \"memory limit $(cat /sys/fs/cgroup/memory/memory.limit_in_bytes)\";"
            + " echo \"pulp password set: ${STX_PULP_PASSWORD:+yes}\"";
    PackageWorker.Result result =
        worker(node.image("debian"), "256Mi", script)
            .build(request("hello"), "real", new AbortSignal());

    assertThat(result.outcome()).isInstanceOf(TaskOutcome.Built.class);
    String log = Files.readString(logs.resolve("hello.log"), StandardCharsets.UTF_8);
    assertThat(log)
        .contains("uid 0 package hello")
        .containsPattern("debian 12\\.\\d+")
        .contains("memory limit " + 256L * 1024 * 1024)
        .contains("pulp password set: yes");
    assertThat(client.pods().list().getItems()).as("the finished pod is removed").isEmpty();
  }

  @Test
  void podsReachPulpTheRegistryAndTheAptProxyOnTheBridgeAndNothingBeyondIt() throws Exception {
    String bridge = node.address();
    String registryPort = node.registry().substring(node.registry().lastIndexOf(':') + 1);
    String pulpApiPort = node.pulpApiUrl().substring(node.pulpApiUrl().lastIndexOf(':') + 1);
    String aptProxyPort = node.aptProxyUrl().substring(node.aptProxyUrl().lastIndexOf(':') + 1);
    // bash's /dev/tcp: the Debian minbase image has no HTTP client.
    String get =
        "get() { exec 3<>/dev/tcp/%s/$1 && printf 'GET %%s HTTP/1.0\\r\\nHost: %s\\r\\n\\r\\n' \"$2\" >&3"
            + " && head -1 <&3; exec 3<&-; };";
    String script =
        String.format(get, bridge, bridge)
            + " echo \"pulp: $(get "
            + pulpApiPort
            + " /pulp/api/v3/status/)\";"
            + " echo \"registry: $(get "
            + registryPort
            + " /v2/)\";"
            // Debian only through the apt proxy on the bridge, which fetches from Debian mirrors
            // alone (ForceManaged): another host through it is refused.
            + " echo \"debian via proxy: $(get "
            + aptProxyPort
            + " http://deb.debian.org/debian/dists/bullseye/Release)\";"
            + " echo \"other via proxy: $(get "
            + aptProxyPort
            + " http://example.com/)\";"
            + " echo \"routes:\"; tail -n +2 /proc/net/route | awk '{print \"route \" $2 \" \" $8}';"
            + " if timeout 5 bash -c 'exec 3<>/dev/tcp/1.1.1.1/80' 2>/dev/null;"
            + " then echo 'outside: reachable'; else echo 'outside: unreachable'; fi";
    PackageWorker.Result result =
        worker(node.image("debian"), "128Mi", script)
            .build(request("net"), "real", new AbortSignal());

    String log = Files.readString(logs.resolve("net.log"), StandardCharsets.UTF_8);
    assertThat(result.outcome()).as(log).isInstanceOf(TaskOutcome.Built.class);
    assertThat(log)
        .containsPattern("pulp: HTTP/1\\.[01] 200")
        .containsPattern("registry: HTTP/1\\.[01] 200")
        .containsPattern("debian via proxy: HTTP/1\\.[01] 200")
        .containsPattern("other via proxy: HTTP/1\\.[01] 403")
        .contains("outside: unreachable")
        .doesNotContain("route 00000000");
  }

  @Test
  void aContainerOverItsMemoryLimitIsOomKilledAndTheSchedulerRetriesIt() throws Exception {
    List<TaskOutcome> outcomes = new CopyOnWriteArrayList<>();
    ScheduleReport report =
        new BuildScheduler(SchedulerOptions.workers(1), new DurationEstimates(1000))
            .run(
                List.of(new BuildTask("lib", Set.of()), new BuildTask("app", Set.of("lib"))),
                (id, attempt, workerName, abort) -> {
                  // The first attempt of lib touches 256 MiB under a 64 MiB limit (exec: the
                  // container's own process is the one the kernel kills).
                  String script =
                      id.equals("lib") && attempt == 1
                          ? "exec dd if=/dev/zero of=/dev/null bs=256M count=1"
                          : "echo built $STX_PACKAGE";
                  TaskOutcome outcome =
                      worker(node.image("debian"), "64Mi", script)
                          .build(request(id + "-" + attempt), workerName, abort)
                          .outcome();
                  outcomes.add(outcome);
                  return outcome;
                },
                new AbortSignal(),
                r -> {});

    assertThat(outcomes.get(0))
        .isInstanceOfSatisfying(
            TaskOutcome.InfrastructureFailure.class,
            f -> assertThat(f.kind()).isEqualTo(TaskOutcome.Kind.OOM_KILLED));
    TaskResult lib = report.byId().get("lib");
    assertThat(lib.state()).isEqualTo(TaskResult.State.BUILT);
    assertThat(lib.attempts()).isEqualTo(2);
    assertThat(report.byId().get("app").state()).isEqualTo(TaskResult.State.BUILT);
  }

  @Test
  void abortKillsTheRunningContainer() throws Exception {
    AbortSignal abort = new AbortSignal();
    var pool = Executors.newSingleThreadExecutor();
    try {
      Future<PackageWorker.Result> running =
          pool.submit(
              () ->
                  worker(node.image("debian"), "64Mi", "echo started; sleep 600")
                      .build(request("forever"), "real", abort));
      Awaitility.await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> node.runningContainers(namespace.name()).size() >= 2);
      abort.abort();

      assertThat(running.get(60, TimeUnit.SECONDS).outcome())
          .isInstanceOfSatisfying(
              TaskOutcome.Failed.class, f -> assertThat(f.reason()).isEqualTo("aborted"));
      // Neither the build container nor the pod's sandbox runs any more on the node.
      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> node.runningContainers(namespace.name()).isEmpty());
      // The pod object goes once the kubelet has confirmed its containers stopped.
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> assertThat(client.pods().list().getItems()).isEmpty());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anImageThatCannotBePulledIsReportedWithTheReasonInsteadOfWaitedOn() throws Exception {
    String missing = node.registry() + "/stx-testenv/no-such-image:1";
    long started = System.nanoTime();
    PackageWorker.Result result =
        worker(missing, "64Mi", "true").build(request("nopull"), "real", new AbortSignal());
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(result.outcome())
        .isInstanceOfSatisfying(
            TaskOutcome.Failed.class,
            f ->
                assertThat(f.reason())
                    .contains("cannot start container " + CONTAINER)
                    .containsPattern("ErrImagePull|ImagePullBackOff")
                    .contains("no-such-image"));
    assertThat(took)
        .as("reported long before the worker's 4 min timeout")
        .isLessThan(Duration.ofMinutes(2));
    assertThat(Files.readString(logs.resolve("nopull.log"))).contains("no-such-image");
    assertThat(client.pods().list().getItems()).isEmpty();
  }
}
