package org.starlingx.stxbuild.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * A controller restart in the middle of an stx step: the command goes on running (it was started
 * detached), the resumed step follows it again and copies its log on from where it stopped, so the
 * build ends SUCCESS with every line of the command's output in its log exactly once.
 *
 * <p>The {@code stx-build} the step runs is a stand-in on the {@code PATH} of the Pipeline (through
 * {@code withEnv}, as a step sees any tool of its node) that prints a numbered line a second.
 */
class StepRestartTest {
  static final int LINES = 14;

  @RegisterExtension JenkinsSessionExtension sessions = new JenkinsSessionExtension();

  @TempDir Path bin;

  @Test
  void aRunningStepIsFollowedAgainAfterARestartAndItsLogIsNotRepeated() throws Throwable {
    Path cli = bin.resolve("stx-build");
    Files.writeString(
        cli,
        """
        #!/bin/sh
        echo "fake stx-build $1"
        i=1
        while [ $i -le %d ]; do
          printf 'stx line %%02d\\n' $i
          i=$((i + 1))
          sleep 1
        done
        """
            .formatted(LINES));
    Files.setPosixFilePermissions(cli, PosixFilePermissions.fromString("rwxr-xr-x"));
    sessions.then(
        j -> {
          WorkflowJob job = j.jenkins.createProject(WorkflowJob.class, "restart");
          job.setDefinition(
              new CpsFlowDefinition(
                  "node { withEnv(['PATH+STX="
                      + bin
                      + "']) {\n"
                      + "  stxRecordStatus(result: 'SUCCESS')\n"
                      + "  echo 'after the step'\n"
                      + "} }",
                  true));
          WorkflowRun run = job.scheduleBuild2(0).waitForStart();
          j.waitForMessage("stx line 03", run);
          // the restart: this Jenkins stops here, the next one starts from the same home
        });
    sessions.then(
        j -> {
          WorkflowRun run =
              j.jenkins.getItemByFullName("restart", WorkflowJob.class).getBuildByNumber(1);
          j.assertBuildStatus(Result.SUCCESS, j.waitForCompletion(run));
          List<String> log = run.getLog(10_000);
          assertThat(log).contains("stx-build record-status: reattached after a restart");
          assertThat(log).containsOnlyOnce("fake stx-build record-status", "after the step");
          for (int i = 1; i <= LINES; i++) {
            String line = "stx line %02d".formatted(i);
            assertThat(log.stream().filter(line::equals)).as(line).hasSize(1);
          }
        });
  }
}
