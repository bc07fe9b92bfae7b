package org.starlingx.stxbuild.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleProject;
import io.jenkins.plugins.casc.ConfigurationAsCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * What was lost before: Jenkins' class filter refused to write the plugin's classes (its jar had no
 * plugin manifest), so the configuration and every job with a StarlingX builder were gone after a
 * restart. Saved in one Jenkins session, read back in the next from the same home.
 */
class RestartRoundTripTest {
  @RegisterExtension JenkinsSessionExtension sessions = new JenkinsSessionExtension();

  @Test
  void theConfigurationAndAJobWithEveryBuilderSurviveARestart() throws Throwable {
    sessions.then(
        j -> {
          ConfigurationAsCode.get().configure(PluginOnJenkinsTest.CASC.toString());
          FreeStyleProject project = j.createFreeStyleProject("freestyle");
          project.getBuildersList().addAll(FreestyleJobs.everyBuilder());
          project.getBuildWrappersList().add(new StxBuildWrapper("starlingx", "r10"));
          j.configRoundtrip(project); // saved through the real form, as a user saves it
        });
    sessions.then(
        j -> {
          StxBuildConfiguration config = StxBuildConfiguration.get();
          assertThat(config.getNamespaceStrategy()).isEqualTo("per-project");
          assertThat(config.getCpuRequest()).isEqualTo("2");
          assertThat(config.getMemoryRequest()).isEqualTo("4Gi");
          assertThat(config.getPulpCredentialsId()).isEqualTo("pulp-admin");
          FreeStyleProject project =
              j.jenkins.getItemByFullName("freestyle", FreeStyleProject.class);
          assertThat(project).isNotNull();
          List<StxCliBuilder> expected = FreestyleJobs.everyBuilder();
          assertThat(project.getBuildersList()).hasSize(expected.size());
          for (int i = 0; i < expected.size(); i++) {
            j.assertEqualDataBoundBeans(expected.get(i), project.getBuildersList().get(i));
          }
          j.assertEqualDataBoundBeans(
              new StxBuildWrapper("starlingx", "r10"),
              project.getBuildWrappersList().get(StxBuildWrapper.class));
        });
  }
}
