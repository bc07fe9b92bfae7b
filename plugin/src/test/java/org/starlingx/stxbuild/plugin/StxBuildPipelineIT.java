package org.starlingx.stxbuild.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import hudson.model.Result;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.csanchez.jenkins.plugins.kubernetes.KubernetesCloud;
import org.csanchez.jenkins.plugins.kubernetes.PodTemplate;
import org.csanchez.jenkins.plugins.kubernetes.pipeline.PodTemplateMap;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.starlingx.stxbuild.engine.scope.BuildScope;
import org.starlingx.stxbuild.engine.scope.ScopeNames;
import org.starlingx.stxbuild.testenv.kube.KubeCluster;

/**
 * {@code stxBuild { ... }} in a real Pipeline through the real kubernetes-plugin against the
 * testenv cluster (a real API server; KWOK nodes). The pod template carries the scope's names and
 * labels, the agent pod is accepted by the API server in the scope's namespace (created for the
 * {@code per-project} strategy, which used to end in 404), with the configured requests and the
 * agent's workspace shared with the {@code builder} container, and it is gone after the build.
 *
 * <p>KWOK nodes run no container, so no agent connects there: StxBuildAgentOnRealNodeIT runs the
 * agent and the body on testenv's real node.
 */
@WithJenkins
class StxBuildPipelineIT {
  static final String KWOK_ANNOTATION = "kwok.x-k8s.io/node";

  JenkinsRule j;
  KubernetesClient admin;
  KubernetesCloud cloud;
  String project;

  @BeforeEach
  void setUp(JenkinsRule rule) throws Exception {
    j = rule;
    KubeCluster cluster = KubeCluster.fromTestenv();
    admin = cluster.adminClient("default");
    // No server URL and no credentials: the kubernetes-plugin's client configures itself from the
    // kubeconfig that the fabric8 "kubeconfig" system property names, the testenv's admin one.
    System.setProperty("kubeconfig", cluster.kubeconfig().toString());
    cloud = new KubernetesCloud("kubernetes");
    cloud.setJenkinsUrl(j.getURL().toString());
    cloud.setWebSocket(true); // JenkinsRule opens no inbound TCP agent port
    j.jenkins.clouds.add(cloud);
    j.jenkins.save();

    StxBuildConfiguration config = StxBuildConfiguration.get();
    config.setCloudName("kubernetes");
    config.setNamespaceStrategy("per-project");
    config.setCpuRequest("250m");
    config.setMemoryRequest("300Mi");
    project = "it" + UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void tearDown() {
    if (admin != null) {
      ScopeNames names = names("pipe", 1);
      admin.namespaces().withName(names.namespace()).delete();
      admin.close();
    }
  }

  private ScopeNames names(String job, int build) {
    return AgentTemplates.names(
        new BuildScope("jenkins", project, "main", job + "-" + build), StxBuildConfiguration.get());
  }

  private List<Pod> scopePods(ScopeNames names) {
    return admin
        .pods()
        .inNamespace(names.namespace())
        .withLabel(ScopeNames.SCOPE_LABEL, names.labels().get(ScopeNames.SCOPE_LABEL))
        .list()
        .getItems();
  }

  static boolean realNodeExists(KubernetesClient client) {
    for (Node node : client.nodes().list().getItems()) {
      Map<String, String> annotations = node.getMetadata().getAnnotations();
      boolean kwok = annotations != null && annotations.containsKey(KWOK_ANNOTATION);
      boolean ready =
          node.getStatus().getConditions().stream()
              .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
      if (!kwok && ready) {
        return true;
      }
    }
    return false;
  }

  @Test
  void theScopesAgentPodIsCreatedAsConfiguredAndGoneWhenTheBuildIsStopped() throws Exception {
    WorkflowJob job = j.jenkins.createProject(WorkflowJob.class, "pipe");
    job.setDefinition(
        new CpsFlowDefinition(
            "stxBuild(project: '" + project + "', branch: 'main') { echo 'inside the scope pod' }",
            true));
    WorkflowRun run = job.scheduleBuild2(0).waitForStart();
    ScopeNames names = names("pipe", 1);

    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> !scopePods(names).isEmpty());
    assertThat(admin.namespaces().withName(names.namespace()).get()).isNotNull();
    Pod pod = scopePods(names).get(0);
    assertThat(pod.getMetadata().getLabels()).containsAllEntriesOf(names.labels());
    Container builder = container(pod, "builder");
    Container agent = container(pod, "jnlp");
    assertThat(builder.getResources().getRequests().get("cpu").toString()).isEqualTo("250m");
    assertThat(builder.getResources().getRequests().get("memory").toString()).isEqualTo("300Mi");
    // the agent's workspace volume is mounted where the builder works, the same as in the agent
    VolumeMount builderWorkspace = mountAt(builder, builder.getWorkingDir());
    VolumeMount agentWorkspace =
        mountAt(
            agent,
            agent.getWorkingDir() != null
                ? agent.getWorkingDir()
                : AgentTemplates.AGENT_WORKING_DIR); // the plugin's default working directory
    assertThat(builderWorkspace.getName()).isEqualTo(agentWorkspace.getName());
    assertThat(builder.getVolumeMounts()).noneMatch(m -> m.getMountPath().equals("/workspace"));
    j.waitForMessage("stxBuild: pod template " + names.objectName("agent", "pod"), run);
    assertThat(
            PodTemplateMap.get().getTemplates(cloud).stream().map(PodTemplate::getLabel).toList())
        .contains(names.objectName("agent", "pod"));

    // The agent connection and the body in the builder container are StxBuildAgentOnRealNodeIT's
    // (on the real node; KWOK nodes run no container).
    if (!realNodeExists(admin)) {
      System.out.println(
          "StxBuildPipelineIT: no real node in the testenv cluster (STX_KUBE_REAL_NODE=0): only the"
              + " pod is checked here; StxBuildAgentOnRealNodeIT is skipped");
    }

    run.doStop();
    j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(run));
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> scopePods(names).isEmpty());
    assertThat(
            PodTemplateMap.get().getTemplates(cloud).stream().map(PodTemplate::getLabel).toList())
        .doesNotContain(names.objectName("agent", "pod"));
  }

  private static Container container(Pod pod, String name) {
    return pod.getSpec().getContainers().stream()
        .filter(c -> c.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no container " + name + " in " + pod));
  }

  private static VolumeMount mountAt(Container container, String path) {
    return container.getVolumeMounts().stream()
        .filter(m -> m.getMountPath().equals(path))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "nothing mounted at " + path + " in container " + container.getName()));
  }
}
