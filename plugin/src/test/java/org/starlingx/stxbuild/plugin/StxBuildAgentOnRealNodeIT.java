package org.starlingx.stxbuild.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import hudson.model.Result;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.starlingx.stxbuild.engine.scope.BuildScope;
import org.starlingx.stxbuild.engine.scope.ScopeNames;
import org.starlingx.stxbuild.testenv.kube.KubeCluster;
import org.starlingx.stxbuild.testenv.kube.KubeClusterExtension;
import org.starlingx.stxbuild.testenv.kube.RealNode;

/**
 * {@code stxBuild { ... }} on testenv's real node (a kubelet with containerd; see docs/testenv.md):
 * the kubernetes-plugin's agent, from the agent image testenv/jenkins-agent-image.sh makes with
 * this Jenkins' own remoting jar, connects over WebSocket to JenkinsRule's controller (forwarded to
 * the bridge address pods reach), the body's {@code sh} runs in the {@code builder} container and
 * reads a file the agent (the {@code jnlp} container) wrote in the shared workspace, and the pod is
 * gone after a build that succeeds, one whose body throws and one that is aborted. The three builds
 * run at once (one agent start costs the test's time, not three).
 *
 * <p>Without the real node (STX_KUBE_REAL_NODE=0) the test is skipped by {@link
 * KubeClusterExtension}, which says so; StxBuildPipelineIT still checks the pod on KWOK nodes.
 */
@WithJenkins
@ExtendWith(KubeClusterExtension.class)
@Timeout(value = 15, unit = java.util.concurrent.TimeUnit.MINUTES)
class StxBuildAgentOnRealNodeIT {
  private static final String WRITTEN = "written-by-the-jnlp-agent";

  @TempDir Path logs;
  private KubernetesClient admin;
  private String project;

  @AfterEach
  void tearDown() {
    if (admin != null && project != null) {
      admin.namespaces().withName(names("ok").namespace()).delete();
      admin.close();
    }
  }

  private ScopeNames names(String job) {
    return AgentTemplates.names(
        new BuildScope("jenkins", project, "main", job + "-1"), StxBuildConfiguration.get());
  }

  private List<Pod> scopePods(String job) {
    ScopeNames names = names(job);
    return admin
        .pods()
        .inNamespace(names.namespace())
        .withLabel(ScopeNames.SCOPE_LABEL, names.labels().get(ScopeNames.SCOPE_LABEL))
        .list()
        .getItems();
  }

  @Test
  void theAgentConnectsOnTheRealNodeAndTheBodyRunsInTheBuilderContainer(
      JenkinsRule j, KubeCluster cluster, RealNode node) throws Exception {
    long started = System.nanoTime();
    String agentImage = TestenvAgentImage.ensure(node.registry(), logs.resolve("agent-image.log"));
    double imageSeconds = seconds(started);
    admin = cluster.adminClient("default");
    System.setProperty("kubeconfig", cluster.kubeconfig().toString());
    try (ControllerOnBridge controller =
        ControllerOnBridge.forward(j.getURL(), node.address(), logs.resolve("socat.log"))) {
      KubernetesCloud cloud = new KubernetesCloud("kubernetes");
      cloud.setJenkinsUrl(controller.url());
      cloud.setWebSocket(true);
      j.jenkins.clouds.add(cloud);
      StxBuildConfiguration config = StxBuildConfiguration.get();
      config.setCloudName("kubernetes");
      config.setNamespaceStrategy("per-project");
      config.setCpuRequest("250m");
      config.setMemoryRequest("300Mi");
      // The builder runs testenv's Debian image (a shell is all the body needs); the pod goes to
      // the real node only: its label and its taint keep KWOK nodes from taking it.
      config.setBuilderImage(node.image("debian"));
      config.setPodYaml(
          node.placementYaml() + "  containers:\n  - name: jnlp\n    image: " + agentImage + "\n");
      project = "it" + UUID.randomUUID().toString().substring(0, 8);

      String scope = "stxBuild(project: '" + project + "', branch: 'main') {\n";
      String shared =
          "  writeFile file: 'from-agent.txt', text: '"
              + WRITTEN
              + "'\n"
              + "  sh 'echo \"builder read: $(cat from-agent.txt)\"; echo \"builder pod:"
              + " $(hostname)\"; command -v java || echo \"builder has no java\"'\n";
      Map<String, WorkflowRun> runs = new LinkedHashMap<>();
      long scheduled = System.nanoTime();
      runs.put("ok", start(j, "ok", scope + shared + "}"));
      runs.put("fail", start(j, "fail", scope + shared + "  error 'the body fails here'\n}"));
      runs.put(
          "abort",
          start(j, "abort", scope + shared + "  sh 'echo sleeping in the builder; sleep 600'\n}"));

      Pod pod = awaitPod("ok");
      assertThat(pod.getSpec().getNodeName()).isEqualTo(node.name());
      double podSeconds = seconds(scheduled);
      j.waitForMessage("builder read: " + WRITTEN, runs.get("ok"));
      double bodySeconds = seconds(scheduled);
      WorkflowRun ok = j.assertBuildStatusSuccess(j.waitForCompletion(runs.get("ok")));
      j.assertLogContains("builder pod: " + pod.getMetadata().getName(), ok);
      j.assertLogContains("builder has no java", ok); // the builder container, not the agent's

      WorkflowRun failed = j.waitForCompletion(runs.get("fail"));
      j.assertBuildStatus(Result.FAILURE, failed);
      j.assertLogContains("builder read: " + WRITTEN, failed);
      j.assertLogContains("the body fails here", failed);

      WorkflowRun aborting = runs.get("abort");
      j.waitForMessage("sleeping in the builder", aborting);
      assertThat(awaitPod("abort").getSpec().getNodeName()).isEqualTo(node.name());
      aborting.doStop();
      j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(aborting));

      for (String job : runs.keySet()) {
        await()
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofSeconds(1))
            .untilAsserted(() -> assertThat(scopePods(job)).as("pods of " + job).isEmpty());
      }
      System.out.printf(
          "StxBuildAgentOnRealNodeIT: agent image ready in %.1f s; the pod bound to %s %.1f s"
              + " after scheduling; the agent connected and the body's sh ran in the builder"
              + " container %.1f s after scheduling; the whole test %.1f s%n",
          imageSeconds, node.name(), podSeconds, bodySeconds, seconds(started));
    }
  }

  private static WorkflowRun start(JenkinsRule j, String name, String script) throws Exception {
    WorkflowJob job = j.jenkins.createProject(WorkflowJob.class, name);
    job.setDefinition(new CpsFlowDefinition(script, true));
    return job.scheduleBuild2(0).waitForStart();
  }

  private Pod awaitPod(String job) {
    return await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                scopePods(job).stream().filter(p -> p.getSpec().getNodeName() != null).findFirst(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
