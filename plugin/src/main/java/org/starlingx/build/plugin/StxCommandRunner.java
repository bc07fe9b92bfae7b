package org.starlingx.build.plugin;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.starlingx.build.engine.logs.SecretMaskingOutputStream;

/**
 * Runs a step's {@code stx-build} command on the node: resolves the Pulp credentials of the global
 * configuration for this build, passes the password in the environment only, and fails the build
 * with the command's exit code.
 */
final class StxCommandRunner {
  private StxCommandRunner() {}

  static void run(
      StxCliStep step,
      Run<?, ?> run,
      FilePath workspace,
      Map<String, String> env,
      Launcher launcher,
      TaskListener listener)
      throws IOException, InterruptedException {
    StxBuildConfiguration config = StxBuildConfiguration.get();
    String user = null;
    String password = null;
    if (!config.getPulpUrl().isBlank() && !config.getPulpCredentialsId().isBlank()) {
      StandardUsernamePasswordCredentials credentials =
          Credentials.usernamePassword(config.getPulpCredentialsId(), run);
      user = credentials.getUsername();
      password = credentials.getPassword().getPlainText();
    }
    StxCommandLine command = step.commandLine(env, config.getPulpUrl(), user, password);
    // The password is only in the environment; should any tool print it, the log shows ****.
    SecretMaskingOutputStream log =
        new SecretMaskingOutputStream(
            new java.io.FilterOutputStream(listener.getLogger()) {
              @Override
              public void close() throws IOException {
                flush(); // the build's log stays open for the steps after this one
              }
            },
            password == null ? List.of() : List.of(password));
    int exit;
    try (log) {
      exit =
          launcher
              .launch()
              .cmds(command.argv())
              .envs(command.env())
              .pwd(workspace)
              .stdout(log)
              .join();
    }
    if (exit != 0) {
      throw new AbortException("stx-build " + step.command() + " exited " + exit);
    }
  }
}
