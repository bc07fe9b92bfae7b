package org.starlingx.stxbuild.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import hudson.model.FreeStyleProject;
import hudson.model.Queue;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.csanchez.jenkins.plugins.kubernetes.KubernetesCloud;
import org.csanchez.jenkins.plugins.kubernetes.PodTemplate;
import org.csanchez.jenkins.plugins.kubernetes.pipeline.PodTemplateMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.starlingx.stxbuild.engine.scope.BuildScope;
import org.starlingx.stxbuild.engine.scope.ScopeNames;
import org.starlingx.stxbuild.testenv.kube.KubeCluster;

/**
 * A freestyle job with the StarlingX build environment, through the real kubernetes-plugin against
 * the testenv cluster: its build gets the scope's own pod, in the scope's (created) namespace with
 * the scope's labels and the {@code builder} container, from a pod template that is gone, with the
 * pod, once the build is stopped. KWOK nodes run no container, so no agent connects and the build
 * is stopped while it waits for its pod (cancelled in the queue, where a freestyle build waits).
 */
@WithJenkins
class StxFreestyleWrapperIT {
  JenkinsRule j;
  KubernetesClient admin;
  KubernetesCloud cloud;
  String project;

  @BeforeEach
  void setUp(JenkinsRule rule) throws Exception {
    j = rule;
    KubeCluster cluster = KubeCluster.fromTestenv();
    admin = cluster.adminClient("default");
    System.setProperty("kubeconfig", cluster.kubeconfig().toString());
    cloud = new KubernetesCloud("kubernetes");
    cloud.setJenkinsUrl(j.getURL().toString());
    cloud.setWebSocket(true);
    j.jenkins.clouds.add(cloud);
    j.jenkins.save();
    StxBuildConfiguration config = StxBuildConfiguration.get();
    config.setCloudName("kubernetes");
    config.setNamespaceStrategy("per-project");
    project = "fw" + UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void tearDown() {
    if (admin != null) {
      admin.namespaces().withName(names().namespace()).delete();
      admin.close();
    }
  }

  private ScopeNames names() {
    return AgentTemplates.names(
        new BuildScope("jenkins", project, "main", "free-1"), StxBuildConfiguration.get());
  }

  private List<Pod> scopePods(ScopeNames names) {
    return admin
        .pods()
        .inNamespace(names.namespace())
        .withLabel(ScopeNames.SCOPE_LABEL, names.labels().get(ScopeNames.SCOPE_LABEL))
        .list()
        .getItems();
  }

  private List<String> templateLabels() {
    return PodTemplateMap.get().getTemplates(cloud).stream().map(PodTemplate::getLabel).toList();
  }

  @Test
  void theBuildGetsItsScopesPodAndTheTemplateIsGoneWhenItIsStopped() throws Exception {
    FreeStyleProject job = j.createFreeStyleProject("free");
    job.getBuildWrappersList().add(new StxBuildWrapper(project, "main"));
    job.scheduleBuild2(0);
    ScopeNames names = names();
    String label = names.objectName("agent", "pod");
    assertThat(templateLabels()).contains(label);

    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> !scopePods(names).isEmpty());
    assertThat(admin.namespaces().withName(names.namespace()).get()).isNotNull();
    Pod pod = scopePods(names).get(0);
    assertThat(pod.getMetadata().getLabels()).containsAllEntriesOf(names.labels());
    assertThat(pod.getSpec().getContainers()).anyMatch(c -> c.getName().equals("builder"));
    System.out.println(
        "StxFreestyleWrapperIT: SKIPPED the agent connection and the builders in the pod here:"
            + " KWOK nodes run no container (StxFreestyleBuildPackagesInPodsIT covers them on the"
            + " real node)");

    Queue.Item waiting = j.jenkins.getQueue().getItem(job);
    assertThat(waiting).as("the build waits for its pod in the queue").isNotNull();
    assertThat(waiting.getAssignedLabel().getName()).isEqualTo(label);
    j.jenkins.getQueue().cancel(waiting);
    assertThat(templateLabels()).doesNotContain(label);
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> scopePods(names).isEmpty());
  }
}
