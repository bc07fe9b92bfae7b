package org.starlingx.stxbuild.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.Result;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.csanchez.jenkins.plugins.kubernetes.KubernetesCloud;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.starlingx.stxbuild.engine.pods.BuildRole;
import org.starlingx.stxbuild.engine.repo.pulp.PulpClient;
import org.starlingx.stxbuild.engine.repo.pulp.PulpConnection;
import org.starlingx.stxbuild.engine.scope.BuildScope;
import org.starlingx.stxbuild.engine.scope.ScopeNames;
import org.starlingx.stxbuild.engine.workers.PlayedPkgbuilder;
import org.starlingx.stxbuild.testenv.kube.KubeCluster;
import org.starlingx.stxbuild.testenv.kube.KubeClusterExtension;
import org.starlingx.stxbuild.testenv.kube.KwokContainerPlayer;
import org.starlingx.stxbuild.testenv.kube.RealNode;
import org.starlingx.stxbuild.testenv.pulp.PulpEndpoint;
import org.starlingx.stxbuild.testenv.pulp.PulpServerExtension;

/**
 * {@code stxBuild { stxBuildPackages() }} with its package pods spread over several nodes: the
 * agent pod runs on testenv's real node with the project's {@code stx-build-builder} image (this
 * build's jar), whose {@code stx-build build --on kubernetes} reaches the API server in-cluster
 * (the pod's own token, the {@code kubernetes} service) and creates a pkgbuilder pod per package.
 * The configured package pod YAML tolerates the real node's taint without pinning the pods to it,
 * so the real scheduler spreads the three independent packages' pods (a build's package pods prefer
 * different nodes) over the real node, where {@code stx-build pkgbuild} really builds in the
 * pkgbuilder image, and the KWOK nodes, whose containers this test plays with the pods' own
 * environment ({@link KwokContainerPlayer}, {@link PlayedPkgbuilder}: spreading needs more than one
 * node, and testenv has one real node). The Kubernetes cloud's container cap (4) bounds the build
 * to 3 package pods. The build log and the report the build page links name each package's node.
 * Then a build aborted while its package pods run leaves no pod, and no played container runs on.
 *
 * <p>Run on 2026-12-01 (23:16): images built and pushed in about 6 min (rootfs 156 s); the agent
 * pod reached the API server in-cluster, ClusterWorkers opened (namespace, dry run, Secret) with
 * the Role alone, "at most 3 at once" (cap 4), libstxsample's pod ran on stx-real-node (19.9 s to
 * running, 17.8 s of it waiting) and exited 1: "the pod build of
 * http://127.0.0.1:24816/.../libstxsample_2.1.0-1.dsc failed": Pulp names its content by its
 * CONTENT_ORIGIN, loopback in testenv. The engine now rewrites that origin, read from Pulp's
 * status, to the pods' content address too. Then stx-hello failed before its pod: the CLI in the
 * agent pod fetched its upstream tarball from Pulp's downloads mirror at the loopback URL Pulp
 * publishes; the configured Pulp content URL now tells it where it reaches the content app.
 *
 * <p>Run on 2026-12-02 (02:30): SUCCESS, libstxsample and stx-hello each in a package pod on
 * stx-real-node (running after 6.3 s and 1.8 s; built in 76.6 s and 109.2 s; 185.9 s for the step),
 * no package pod left; the test took 732 s with the abort (images already built). The aborted
 * build's package pod was still there 3 minutes after its agent pod was deleted.
 *
 * <p>Spread, run on 2026-12-02 (06:21, load 9): before the change (stx-hello and libstxsample
 * pinned to the real node) the test took 998.0 s, the build 664.8 s, of which libstxsample's pod
 * waited 420.9 s to run. After: libstxsample, stx-sample-base and stx-sample-docs three at once on
 * stx-node-2, stx-node-1, stx-node-2 (the scheduler put none on the real node in that run; played,
 * each built: 60.5, 76.9, 88.8 s; the step's packages 88.9 s), each node in the log and the linked
 * report; the build 735.6 s from scheduling, of which about 6.5 minutes the agent pod could not
 * start because the real node's containerd had lost its pause image (re-imported by hand); the
 * abort left no pod and no played container; the test 956.0 s.
 */
@WithJenkins
@ExtendWith({KubeClusterExtension.class, PulpServerExtension.class})
@Timeout(value = 40, unit = java.util.concurrent.TimeUnit.MINUTES)
class StxBuildPackagesInPodsIT {
  static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

  /** Independent of each other, so their three pods run at once (cli BuildOnKubernetesIT's). */
  static final List<String> PACKAGES =
      List.of("libstxsample", "stx-sample-base", "stx-sample-docs");

  /**
   * A package's progress line: {@code libstxsample: pod NAME on node NODE, running after 1.4 s}.
   */
  private static final Pattern PLACED =
      Pattern.compile("(\\S+): pod (\\S+) on node (\\S+), running after");

  @TempDir Path logs;
  private KubernetesClient admin;
  private String namespace;

  @AfterEach
  void tearDown() {
    if (admin != null) {
      if (namespace != null) {
        admin.namespaces().withName(namespace).delete();
      }
      admin.close();
    }
  }

  @Test
  void packagePodsSpreadOverSeveralNodesAndNoPodIsLeft(
      JenkinsRule j, KubeCluster cluster, RealNode node, PulpEndpoint pulp, @TempDir Path work)
      throws Exception {
    long started = System.nanoTime();
    SelfImagesOnRealNode.Pinned images =
        SelfImagesOnRealNode.ensure(node, "bullseye", logs.resolve("self-images.log"));
    String agentImage = TestenvAgentImage.ensure(node.registry(), logs.resolve("agent-image.log"));
    double imagesSeconds = seconds(started);
    admin = cluster.adminClient("default");
    System.setProperty("kubeconfig", cluster.kubeconfig().toString());
    try (ControllerOnBridge controller =
        ControllerOnBridge.forward(j.getURL(), node.address(), logs.resolve("socat.log"))) {
      KubernetesCloud cloud = new KubernetesCloud("kubernetes");
      cloud.setJenkinsUrl(controller.url());
      cloud.setWebSocket(true);
      cloud.setContainerCapStr("4");
      j.jenkins.clouds.add(cloud);
      SystemCredentialsProvider.getInstance()
          .getCredentials()
          .add(
              new UsernamePasswordCredentialsImpl(
                  CredentialsScope.GLOBAL, "pulp", "pulp", pulp.username(), pulp.password()));
      StxBuildConfiguration config = StxBuildConfiguration.get();
      config.setCloudName("kubernetes");
      config.setNamespaceStrategy("per-project");
      config.setCpuRequest("250m");
      config.setMemoryRequest("512Mi");
      config.setBuilderImage(images.builder());
      config.setPkgbuilderImage(images.pkgbuilder());
      config.setPodYaml(
          node.placementYaml() + "  containers:\n  - name: jnlp\n    image: " + agentImage + "\n");
      config.setPackagePodYaml(packagePodYaml(node));
      config.setPulpUrl(node.pulpApiUrl());
      // testenv's Pulp publishes loopback URLs (its CONTENT_ORIGIN); the agent pod and package
      // pods read them at the content app's address on the node's bridge
      config.setPulpContentUrl(node.pulpContentUrl());
      config.setPulpCredentialsId("pulp");
      String project = "pp" + UUID.randomUUID().toString().substring(0, 8);
      namespace =
          AgentTemplates.names(new BuildScope("jenkins", project, "main", "ok-1"), config)
              .namespace();
      // KWOK runs no container: the pods the scheduler put on KWOK nodes are played here, the real
      // node's run for real. The pods reach Pulp at the bridge address, which this machine reaches
      // too; the password they read from their Secret is the endpoint's.
      PulpClient played =
          new PulpClient(
              new PulpConnection(
                  pulp.apiUrl(), pulp.contentUrl(), pulp.username(), pulp.password()));
      KubernetesClient inNamespace = cluster.adminClient(namespace);
      KwokContainerPlayer player =
          new KwokContainerPlayer(
              inNamespace, 3, (pod, stopped) -> PlayedPkgbuilder.run(pod, played, work, stopped));
      try {
        buildAndAbort(j, node, project, player, imagesSeconds, started);
      } finally {
        player.close();
        inNamespace.close();
      }
    }
  }

  private void buildAndAbort(
      JenkinsRule j,
      RealNode node,
      String project,
      KwokContainerPlayer player,
      double imagesSeconds,
      long started)
      throws Exception {
    String stash =
        "node('built-in') {\n  dir('"
            + REPOSITORY.resolve("samples")
            + "') { stash name: 'tree', includes: 'stx-sample-tree/**' }\n}\n";
    String build =
        "stxBuild(project: '"
            + project
            + "', branch: 'main') {\n"
            + "  unstash 'tree'\n"
            + "  sh 'echo \"agent pod: $(hostname)\"'\n"
            + "  stxBuildPackages(tree: 'stx-sample-tree', packages: '"
            + String.join(",", PACKAGES)
            + "', force: true, maxPods: 8)\n"
            + "}\n";
    long scheduled = System.nanoTime();
    WorkflowRun ok = start(j, "ok", stash + build);
    WorkflowRun finished = j.waitForCompletion(ok);
    double buildSeconds = seconds(scheduled);
    System.out.println(JenkinsRule.getLog(finished));
    j.assertBuildStatusSuccess(finished);
    String log = JenkinsRule.getLog(finished);
    // bounded by the cloud's cap of 4 less the agent pod, not the step's 8
    assertThat(log).contains("packages build in pods in namespace " + namespace + ", at most 3");
    // each package in a pkgbuilder pod of its own, not in the agent pod; its node in the log
    Map<String, String> nodeOf = new TreeMap<>();
    Map<String, String> podOf = new TreeMap<>();
    Matcher placed = PLACED.matcher(log);
    while (placed.find()) {
      podOf.put(placed.group(1), placed.group(2));
      nodeOf.put(placed.group(1), placed.group(3));
    }
    System.out.println("StxBuildPackagesInPodsIT: node per package: " + nodeOf);
    assertThat(nodeOf.keySet()).as(log).containsExactlyInAnyOrderElementsOf(PACKAGES);
    assertThat(podOf.values()).allMatch(pod -> pod.contains(BuildRole.PKGBUILDER.id()));
    // spread: the three pods ran at once on more than one node. The real node is not forced
    // (the spread is the scheduler's preference, not a rule); a package it took ran for real,
    // every other was played on its KWOK node and built there.
    assertThat(new TreeSet<>(nodeOf.values()))
        .as("nodes of the package pods")
        .hasSizeGreaterThan(1);
    podOf.forEach(
        (pkg, pod) -> {
          if (nodeOf.get(pkg).equals(node.name())) {
            assertThat(player.exits()).as("real-node pod " + pod).doesNotContainKey(pod);
          } else {
            assertThat(player.nodes()).as("played pod " + pod).containsEntry(pod, nodeOf.get(pkg));
            assertThat(player.exits()).as("played pod " + pod).containsEntry(pod, 0);
          }
        });
    assertThat(scopePods(project, "ok", BuildRole.PKGBUILDER.id())).isEmpty();
    assertReportShowsNodes(finished, nodeOf);

    long onRealNode = nodeOf.values().stream().filter(node.name()::equals).count();
    System.out.printf(
        "StxBuildPackagesInPodsIT: images ready in %.1f s; stxBuild { stxBuildPackages } of %s"
            + " in package pods on %s (%d on the real node, %d played on KWOK nodes): %.1f s"
            + " from scheduling to SUCCESS; the whole test so far %.1f s%n",
        imagesSeconds,
        PACKAGES,
        new TreeSet<>(nodeOf.values()),
        onRealNode,
        PACKAGES.size() - onRealNode,
        buildSeconds,
        seconds(started));
    // An abort while package pods run leaves no pod of the build: the kubernetes-plugin
    // deletes the aborted build's agent pod at once, with the CLI in it, and the package pods,
    // owned by that pod, go with it (Kubernetes' garbage collector).
    WorkflowRun aborting = start(j, "abort", stash + build);
    ScopeNames abortNames = names(project, "abort");
    await()
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> !scopePods(project, "abort", BuildRole.PKGBUILDER.id()).isEmpty());
    aborting.doStop();
    j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(aborting));
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () ->
                assertThat(
                        admin
                            .pods()
                            .inNamespace(abortNames.namespace())
                            .withLabels(abortNames.selector())
                            .list()
                            .getItems())
                    .as("pods of the aborted build")
                    .isEmpty());
    // and no played container builds on for a deleted pod: the player stopped them
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(() -> assertThat(player.playing()).as("played containers").isEmpty());
    System.out.printf(
        "StxBuildPackagesInPodsIT: abort case done, played pods %s; the whole test %.1f s%n",
        player.exits(), seconds(started));
  }

  /**
   * The report the build page links (StxBuildReportAction, published in Pulp's content app) lists
   * every package with the pod and node it ran on.
   */
  private static void assertReportShowsNodes(WorkflowRun run, Map<String, String> nodeOf)
      throws Exception {
    StxBuildReportAction action = run.getAction(StxBuildReportAction.class);
    assertThat(action).as("the build's report action").isNotNull();
    assertThat(action.isLinkable()).as(action.getReport()).isTrue();
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(action.getReport())).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).as(action.getReport()).isEqualTo(200);
    nodeOf.forEach(
        (pkg, onNode) ->
            assertThat(page.body())
                .as("the report's row of " + pkg)
                .containsPattern(
                    "<tr><td>"
                        + Pattern.quote(pkg)
                        + "</td>.*pod \\S+ on node "
                        + Pattern.quote(onNode)
                        + ","));
  }

  /**
   * Package pods that may go to the real node or to a KWOK node, as the scheduler spreads them: the
   * real node's taint tolerated, no node selector; the annotation lets KWOK keep a pod on its node
   * running until the player ends it; the rights the chroot needs on the real node.
   */
  private static String packagePodYaml(RealNode node) {
    return "metadata: {annotations: {testenv.starlingx.org/outcome: run}}\n"
        + "spec:\n  tolerations:\n  - key: "
        + node.taintKey()
        + "\n    operator: Equal\n    value: \"true\"\n    effect: NoSchedule\n"
        + "  containers:\n"
        + "  - name: pkgbuilder\n"
        + "    resources:\n"
        + "      requests: {cpu: 100m, memory: 256Mi}\n"
        + "      limits: {cpu: \"2\", memory: 3Gi}\n"
        + "    securityContext:\n"
        + "      allowPrivilegeEscalation: true\n"
        + "      capabilities:\n"
        + "        drop: [ALL]\n"
        + "        add: [CHOWN, DAC_OVERRIDE, FOWNER, FSETID, SETUID, SETGID, KILL, SETFCAP,"
        + " SYS_ADMIN, SYS_CHROOT]\n";
  }

  private ScopeNames names(String project, String job) {
    return AgentTemplates.names(
        new BuildScope("jenkins", project, "main", job + "-1"), StxBuildConfiguration.get());
  }

  private List<Pod> scopePods(String project, String job, String role) {
    ScopeNames names = names(project, job);
    return admin
        .pods()
        .inNamespace(names.namespace())
        .withLabels(names.selector())
        .withLabel(ScopeNames.ROLE_LABEL, role)
        .list()
        .getItems();
  }

  private static WorkflowRun start(JenkinsRule j, String name, String script) throws Exception {
    WorkflowJob job = j.jenkins.createProject(WorkflowJob.class, name);
    job.setDefinition(new CpsFlowDefinition(script, true));
    return job.scheduleBuild2(0).waitForStart();
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
