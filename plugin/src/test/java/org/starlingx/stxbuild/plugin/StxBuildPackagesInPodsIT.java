package org.starlingx.stxbuild.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.Result;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
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
import org.starlingx.stxbuild.engine.scope.BuildScope;
import org.starlingx.stxbuild.engine.scope.ScopeNames;
import org.starlingx.stxbuild.testenv.kube.KubeCluster;
import org.starlingx.stxbuild.testenv.kube.KubeClusterExtension;
import org.starlingx.stxbuild.testenv.kube.RealNode;
import org.starlingx.stxbuild.testenv.pulp.PulpEndpoint;
import org.starlingx.stxbuild.testenv.pulp.PulpServerExtension;

/**
 * {@code stxBuild { stxBuildPackages() }} on testenv's real node, spread over package pods: the
 * agent pod runs the project's {@code stx-build-builder} image (this build's jar), whose {@code
 * stx-build build --on kubernetes} reaches the API server in-cluster (the pod's own token, the
 * {@code kubernetes} service) and creates a pkgbuilder pod per package, placed on the real node by
 * the configured package pod YAML, where {@code stx-build pkgbuild} really builds. The Kubernetes
 * cloud's container cap (4) bounds the build to 3 package pods. Then a build aborted while its
 * package pods run leaves no pod.
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
 */
@WithJenkins
@ExtendWith({KubeClusterExtension.class, PulpServerExtension.class})
@Timeout(value = 40, unit = java.util.concurrent.TimeUnit.MINUTES)
class StxBuildPackagesInPodsIT {
  static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
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
  void packagesBuildInTheirOwnPodsOnTheNodeAndNoPodIsLeft(
      JenkinsRule j, KubeCluster cluster, RealNode node, PulpEndpoint pulp) throws Exception {
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
              + "  stxBuildPackages(tree: 'stx-sample-tree', packages: 'stx-hello', force: true,"
              + " maxPods: 8)\n"
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
      // each package in its own pod on the real node, not in the agent pod
      java.util.regex.Matcher placed =
          java.util.regex.Pattern.compile(
                  "pod (\\S*pkgbuilder\\S*) on node " + java.util.regex.Pattern.quote(node.name()))
              .matcher(log);
      java.util.Set<String> packagePods = new java.util.TreeSet<>();
      while (placed.find()) {
        packagePods.add(placed.group(1));
      }
      // stx-hello and its in-tree build-dep libstxsample, each in a pod of its own
      assertThat(packagePods).as("package pods on the real node").hasSizeGreaterThanOrEqualTo(2);
      assertThat(log).doesNotContainPattern("on node stx-node-\\d");
      assertThat(scopePods(project, "ok", BuildRole.PKGBUILDER.id())).isEmpty();

      System.out.printf(
          "StxBuildPackagesInPodsIT: images ready in %.1f s; stxBuild { stxBuildPackages } of"
              + " stx-hello and libstxsample in package pods on %s: %.1f s from scheduling to"
              + " SUCCESS; the whole test %.1f s%n",
          imagesSeconds, node.name(), buildSeconds, seconds(started));
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
    }
  }

  private static String packagePodYaml(RealNode node) {
    return node.placementYaml()
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
