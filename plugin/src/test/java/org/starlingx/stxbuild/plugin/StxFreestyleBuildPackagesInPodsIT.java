package org.starlingx.stxbuild.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.csanchez.jenkins.plugins.kubernetes.KubernetesCloud;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestBuilder;
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
 * A freestyle job with the StarlingX build environment and the "StarlingX: build packages" builder
 * on testenv's real node: the kubernetes-plugin provisions the scope's pod with the Jenkins agent
 * in its {@code jnlp} container (the testenv agent image, Java 21), the builder runs {@code
 * stx-build build --on kubernetes} in the pod's {@code builder} container (the project's image,
 * this build's jar, by digest), which creates a pkgbuilder pod per package on the real node. The
 * same configuration as the Pipeline case ({@link StxBuildPackagesInPodsIT}); its abort case is not
 * repeated (the package pods are owned by the agent pod the same way).
 *
 * <p>Its cost in CI is a real package build in a pod, the agent pod's start and the agent's
 * connection, and Jenkins' start (about 6 minutes under load when it built stx-hello and
 * libstxsample, one pod after the other; it now builds libstxsample alone: in-tree build-deps going
 * from pod to pod are shown by the CLI's RealNodeBuildOnKubernetesIT in real pods); the images are
 * reused from {@code testenv/self-images.sh} when unchanged. It is the only proof that a freestyle
 * build's agent connects from a real pod and that its builders reach the builder container.
 *
 * <p>Run on 2026-12-02: 05:52 SUCCESS in 692 s from scheduling (libstxsample's pod waited 413 s for
 * the real node: another session's pods held its ephemeral storage and the node's pause image had
 * been removed by image garbage collection); the output reached the log twice, the second copy not
 * masked, so the builders now run quiet. 06:24 SUCCESS in 252 s from scheduling (pods running after
 * 2.8 s and 1.5 s, libstxsample built in 45.6 s, stx-hello in 86.9 s, 132.5 s for {@code stx-build
 * build}); the test 356 s with Jenkins' start.
 */
@WithJenkins
@ExtendWith({KubeClusterExtension.class, PulpServerExtension.class})
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class StxFreestyleBuildPackagesInPodsIT {
  static final Path SAMPLES = Path.of("").toAbsolutePath().getParent().resolve("samples");
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
  void freestyleBuildBuildsEachPackageInItsOwnPodOnTheNodeAndLeavesNone(
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
      // the agent's image, as a user of an air-gapped cluster names it: the jnlp container
      config.setPodYaml(
          node.placementYaml() + "  containers:\n  - name: jnlp\n    image: " + agentImage + "\n");
      config.setPackagePodYaml(packagePodYaml(node));
      config.setPulpUrl(node.pulpApiUrl());
      config.setPulpContentUrl(node.pulpContentUrl());
      config.setPulpCredentialsId("pulp");
      String project = "fp" + UUID.randomUUID().toString().substring(0, 8);
      ScopeNames names =
          AgentTemplates.names(new BuildScope("jenkins", project, "main", "free-1"), config);
      namespace = names.namespace();

      FreeStyleProject job = j.createFreeStyleProject("free");
      job.getBuildWrappersList().add(new StxBuildWrapper(project, "main"));
      job.getBuildersList().add(new SampleTree());
      StxBuildPackagesBuilder packages = new StxBuildPackagesBuilder();
      packages.setTree("stx-sample-tree");
      // One package: in-tree build-deps going from pod to pod through the session are the CLI's
      // (RealNodeBuildOnKubernetesIT, real pods); here what counts is that the freestyle builder
      // makes package pods from the scope's pod.
      packages.setPackages("libstxsample");
      packages.setForce(true);
      packages.setMaxPods(8);
      job.getBuildersList().add(packages);

      long scheduled = System.nanoTime();
      FreeStyleBuild build = job.scheduleBuild2(0).get(25, TimeUnit.MINUTES);
      double buildSeconds = seconds(scheduled);
      String log = JenkinsRule.getLog(build);
      System.out.println(log);
      j.assertBuildStatusSuccess(build);
      // bounded by the cloud's cap of 4 less the agent pod, not the builder's 8; the command's
      // output reaches the log once, through the masking filter only
      String bounded = "packages build in pods in namespace " + namespace + ", at most 3";
      assertThat(log.split(Pattern.quote(bounded), -1)).as(bounded).hasSize(2);
      assertThat(log).doesNotContain(pulp.password());
      Matcher placed =
          Pattern.compile("pod (\\S*pkgbuilder\\S*) on node " + Pattern.quote(node.name()))
              .matcher(log);
      Set<String> packagePods = new TreeSet<>();
      while (placed.find()) {
        packagePods.add(placed.group(1));
      }
      assertThat(packagePods).as("package pods on the real node").isNotEmpty();
      assertThat(log).contains("libstxsample");
      assertThat(log).doesNotContainPattern("on node stx-node-\\d");
      assertThat(scopePods(names, BuildRole.PKGBUILDER.id())).as("package pods left").isEmpty();
      System.out.printf(
          "StxFreestyleBuildPackagesInPodsIT: images ready in %.1f s; freestyle build of"
              + " libstxsample in a package pod on %s: %.1f s from scheduling to SUCCESS; the"
              + " whole test %.1f s%n",
          imagesSeconds, node.name(), buildSeconds, seconds(started));
    }
  }

  /** Copies the sample tree from the controller into the agent pod's workspace. */
  static final class SampleTree extends TestBuilder {
    @Override
    public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
        throws java.io.IOException, InterruptedException {
      FilePath workspace = build.getWorkspace();
      new FilePath(SAMPLES.toFile()).copyRecursiveTo("stx-sample-tree/**", workspace);
      listener.getLogger().println("sample tree copied into " + workspace.getRemote());
      return true;
    }
  }

  /** On the real node, with what a pkgbuilder's chroot needs (as in StxBuildPackagesInPodsIT). */
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

  private List<Pod> scopePods(ScopeNames names, String role) {
    return admin
        .pods()
        .inNamespace(names.namespace())
        .withLabels(names.selector())
        .withLabel(ScopeNames.ROLE_LABEL, role)
        .list()
        .getItems();
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
