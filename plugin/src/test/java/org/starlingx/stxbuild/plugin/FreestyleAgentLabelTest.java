package org.starlingx.stxbuild.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleProject;
import hudson.model.Queue;
import org.csanchez.jenkins.plugins.kubernetes.KubernetesCloud;
import org.csanchez.jenkins.plugins.kubernetes.PodTemplate;
import org.csanchez.jenkins.plugins.kubernetes.pipeline.PodTemplateMap;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.starlingx.stxbuild.engine.scope.BuildScope;
import org.starlingx.stxbuild.engine.scope.ScopeNames;

/**
 * A freestyle build with the StarlingX build environment is assigned, while it waits in the queue,
 * the label of its own scope's pod template, which is registered on the configured cloud and
 * removed when the queue item is cancelled. No cluster: the cloud points nowhere.
 */
@WithJenkins
class FreestyleAgentLabelTest {
  @Test
  void aWaitingBuildGetsItsScopesPodTemplateLabel(JenkinsRule j) throws Exception {
    KubernetesCloud cloud = new KubernetesCloud("kubernetes");
    cloud.setServerUrl("https://127.0.0.1:9"); // nothing listens: no namespace is created anywhere
    j.jenkins.clouds.add(cloud);
    StxBuildConfiguration.get().setCloudName("kubernetes");
    StxBuildConfiguration.get().setNamespaceStrategy("per-project");
    FreeStyleProject plain = j.createFreeStyleProject("plain");
    FreeStyleProject job = j.createFreeStyleProject("free");
    job.getBuildWrappersList().add(new StxBuildWrapper("starlingx", "main"));

    plain.scheduleBuild2(3600);
    job.scheduleBuild2(3600); // a long quiet period keeps it waiting in the queue
    Queue.Item item = j.jenkins.getQueue().getItem(job);
    ScopeNames names =
        AgentTemplates.names(
            new BuildScope("jenkins", "starlingx", "main", "free-1"), StxBuildConfiguration.get());
    String label = names.objectName("agent", "pod");
    assertThat(item.getAssignedLabel().getName()).isEqualTo(label);
    assertThat(j.jenkins.getQueue().getItem(plain).getAction(StxFreestyleAgent.class)).isNull();
    PodTemplate template =
        PodTemplateMap.get().getTemplates(cloud).stream()
            .filter(t -> label.equals(t.getLabel()))
            .findFirst()
            .orElseThrow();
    assertThat(template.getNamespace()).isEqualTo(names.namespace());
    // the agent in the kubernetes-plugin's jnlp container (Java 21), the builders in `builder`
    assertThat(template.getAgentContainer()).isNull();
    assertThat(template.isAgentInjection()).isFalse();
    assertThat(String.join("\n", template.getYamls()))
        .contains("name: \"builder\"", names.labels().get(ScopeNames.SCOPE_LABEL));

    j.jenkins.getQueue().cancel(item);
    assertThat(PodTemplateMap.get().getTemplates(cloud)).noneMatch(t -> label.equals(t.getLabel()));
  }
}
