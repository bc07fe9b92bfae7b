package org.starlingx.stxbuild.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.PluginWrapper;
import hudson.model.FreeStyleProject;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.jenkins.plugins.casc.ConfigurationAsCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import jenkins.model.GlobalConfiguration;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlOption;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.jenkinsci.plugins.workflow.cps.GlobalVariable;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.starlingx.stxbuild.engine.scope.BuildScope;

/**
 * The plugin in a real Jenkins 2.568.1 with the real Pipeline, kubernetes, credentials and
 * Configuration-as-Code plugins: it loads, its configuration is saved through the real form and
 * through CasC, and every form it contributes renders and round-trips.
 */
@WithJenkins
class PluginOnJenkinsTest {
  static final Path CASC =
      Path.of("").toAbsolutePath().getParent().resolve("docs/examples/casc.yaml");

  @Test
  void thePluginAndItsDependenciesLoad(JenkinsRule j) {
    PluginWrapper plugin = j.jenkins.getPluginManager().getPlugin("starlingx-build");
    assertThat(plugin).isNotNull();
    assertThat(plugin.isActive()).isTrue();
    assertThat(plugin.getDependencies())
        .extracting(d -> d.shortName)
        .contains(
            "workflow-step-api",
            "workflow-cps",
            "workflow-basic-steps",
            "workflow-durable-task-step",
            "kubernetes",
            "kubernetes-client-api",
            "credentials",
            "plain-credentials");
    for (PluginWrapper.Dependency dependency : plugin.getDependencies()) {
      if (!dependency.optional) {
        assertThat(j.jenkins.getPluginManager().getPlugin(dependency.shortName).isActive())
            .as(dependency.shortName)
            .isTrue();
      }
    }
    assertThat(GlobalVariable.byName("stxBuild", null)).isNotNull();
    assertThat(StepDescriptor.all())
        .extracting(StepDescriptor::getFunctionName)
        .contains(
            "stxAgentTemplate",
            "stxDownload",
            "stxBuildPackages",
            "stxPublish",
            "stxBuildIso",
            "stxDailyBuild",
            "stxBuildImage",
            "stxBuildImages",
            "stxBuildWheels",
            "stxBuildHelmCharts",
            "stxDetectChanges",
            "stxRecordStatus",
            "withEnv",
            "podTemplate",
            "container");
  }

  @Test
  void theGlobalConfigurationIsSavedThroughTheFormAndReadBack(JenkinsRule j) throws Exception {
    HtmlPage page = j.createWebClient().goTo("configure");
    HtmlForm form = page.getFormByName("config");
    form.getInputByName("_.cloudName").setValue("builds");
    form.getInputByName("_.namespaceStrategy").setValue("per-project");
    form.getInputByName("_.sharedNamespace").setValue("stx-shared");
    form.getInputByName("_.cpuRequest").setValue("3");
    form.getInputByName("_.memoryRequest").setValue("6Gi");
    form.getInputByName("_.pulpUrl").setValue("http://pulp.example:24817");
    form.getInputByName("_.retentionDays").setValue("21");
    j.submit(form);

    Path saved =
        j.jenkins.getRootDir().toPath().resolve(StxBuildConfiguration.class.getName() + ".xml");
    assertThat(saved).exists();
    assertThat(Files.readString(saved)).contains("per-project", "6Gi", "http://pulp.example:24817");
    StxBuildConfiguration reloaded = new StxBuildConfiguration(); // reads the file again
    assertThat(reloaded.getCloudName()).isEqualTo("builds");
    assertThat(reloaded.getNamespaceStrategy()).isEqualTo("per-project");
    assertThat(reloaded.getSharedNamespace()).isEqualTo("stx-shared");
    assertThat(reloaded.getCpuRequest()).isEqualTo("3");
    assertThat(reloaded.getMemoryRequest()).isEqualTo("6Gi");
    assertThat(reloaded.getRetentionDays()).isEqualTo(21);
  }

  @Test
  void theDocumentedConfigurationAsCodeIsAppliedAndSaved(JenkinsRule j) throws Exception {
    ConfigurationAsCode.get().configure(CASC.toString());

    StxBuildConfiguration config = GlobalConfiguration.all().get(StxBuildConfiguration.class);
    assertThat(config.getNamespaceStrategy()).isEqualTo("per-project");
    assertThat(config.getCpuRequest()).isEqualTo("2");
    assertThat(config.getMemoryRequest()).isEqualTo("4Gi");
    assertThat(config.getPulpCredentialsId()).isEqualTo("pulp-admin");
    assertThat(config.getPodYaml()).contains("build.starlingx.io/pool");
    StxBuildConfiguration reloaded = new StxBuildConfiguration();
    assertThat(reloaded.getBuilderImage())
        .isEqualTo("registry.example.com/stx/stx-build-builder:0.1.0");
    assertThat(reloaded.getMemoryRequest()).isEqualTo("4Gi");
  }

  @Test
  void theConfiguredRequestsReachTheAgentPod(JenkinsRule j) throws Exception {
    ConfigurationAsCode.get().configure(CASC.toString());
    Map<String, Object> template =
        AgentTemplates.of(
            new BuildScope("alice", "starlingx", "master", "nightly-7"),
            StxBuildConfiguration.get());
    Pod pod =
        io.fabric8.kubernetes.client.utils.Serialization.unmarshal(
            (String) template.get("yaml"), Pod.class);
    Container builder = pod.getSpec().getContainers().get(0);
    assertThat(builder.getName()).isEqualTo("builder");
    assertThat(builder.getResources().getRequests().get("cpu").toString()).isEqualTo("2");
    assertThat(builder.getResources().getRequests().get("memory").toString()).isEqualTo("4Gi");
    // the kubernetes-plugin's workspace volume is mounted at the working directory of every
    // container with nothing mounted there: the builder works where the agent does
    assertThat(builder.getWorkingDir()).isEqualTo(AgentTemplates.AGENT_WORKING_DIR);
    assertThat(builder.getVolumeMounts())
        .noneMatch(m -> m.getMountPath().equals("/workspace"))
        .noneMatch(m -> m.getMountPath().equals(AgentTemplates.AGENT_WORKING_DIR));
    assertThat(pod.getSpec().getNodeSelector()).containsEntry("build.starlingx.io/pool", "build");
  }

  @Test
  void requestsAboveTheDefaultLimitRaiseTheLimit(JenkinsRule j) throws Exception {
    StxBuildConfiguration config = StxBuildConfiguration.get();
    config.setCpuRequest("16");
    config.setMemoryRequest("64Gi");
    Pod pod =
        io.fabric8.kubernetes.client.utils.Serialization.unmarshal(
            (String)
                AgentTemplates.of(new BuildScope("bob", "stx", "main", "1"), config).get("yaml"),
            Pod.class);
    var resources = pod.getSpec().getContainers().get(0).getResources();
    assertThat(resources.getLimits().get("cpu").toString()).isEqualTo("16");
    assertThat(resources.getLimits().get("memory").toString()).isEqualTo("64Gi");
  }

  @Test
  void everyStepFormRendersInTheSnippetGenerator(JenkinsRule j) throws Exception {
    WorkflowJob job = j.jenkins.createProject(WorkflowJob.class, "pipeline");
    JenkinsRule.WebClient wc = j.createWebClient();
    HtmlPage page = wc.goTo(job.getUrl() + "pipeline-syntax/");
    HtmlSelect steps = page.getFirstByXPath("//select[contains(@class,'dropdownList')]");
    Set<String> rendered = new TreeSet<>();
    for (HtmlOption option : steps.getOptions()) {
      String text = option.getText().strip();
      if (!text.startsWith("stx") || !text.contains(":")) {
        continue;
      }
      StepDescriptor descriptor =
          StepDescriptor.all().stream()
              .filter(d -> d.clazz.getName().startsWith("org.starlingx."))
              .filter(d -> text.startsWith(d.getFunctionName() + ":"))
              .findFirst()
              .orElse(null);
      if (descriptor == null) {
        continue; // another plugin's step
      }
      String function = descriptor.getFunctionName();
      steps.setSelectedAttribute(option, true); // the form is rendered on demand, as in a browser
      wc.waitForBackgroundJavaScript(10_000);
      String html = page.asXml();
      for (String field : StxCliBuilder.boundFields(descriptor.clazz)) {
        assertThat(html).as("%s field %s", function, field).contains("name=\"_." + field + "\"");
      }
      rendered.add(function);
    }
    assertThat(rendered)
        .contains(
            "stxAgentTemplate",
            "stxDownload",
            "stxBuildPackages",
            "stxPublish",
            "stxBuildIso",
            "stxDailyBuild",
            "stxBuildImage",
            "stxBuildImages",
            "stxBuildWheels",
            "stxBuildHelmCharts",
            "stxDetectChanges",
            "stxRecordStatus");
  }

  @Test
  void everyBuilderAndTheWrapperRenderSaveAndRoundTrip(JenkinsRule j) throws Exception {
    FreeStyleProject project = j.createFreeStyleProject("freestyle");
    List<StxCliBuilder> builders = FreestyleJobs.everyBuilder();
    project.getBuildersList().addAll(builders);
    project.getBuildWrappersList().add(new StxBuildWrapper("starlingx", "master"));

    j.configRoundtrip(project);

    assertThat(project.getBuildersList()).hasSize(builders.size());
    for (int i = 0; i < builders.size(); i++) {
      j.assertEqualDataBoundBeans(builders.get(i), project.getBuildersList().get(i));
    }
    j.assertEqualDataBoundBeans(
        new StxBuildWrapper("starlingx", "master"),
        project.getBuildWrappersList().get(StxBuildWrapper.class));
  }
}
