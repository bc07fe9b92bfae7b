package org.starlingx.stxbuild.plugin;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.starlingx.stxbuild.engine.exec.DetachedCommand;
import org.starlingx.stxbuild.engine.images.RegistryLogin;
import org.starlingx.stxbuild.engine.logs.SecretMaskingOutputStream;
import org.starlingx.stxbuild.engine.packagebuild.ReportLink;

/**
 * Runs a step's {@code stx-build} command on the node: resolves the Pulp credentials of the global
 * configuration for this build, passes the password in the environment only, masks it in the
 * output, and fails the build with the command's exit code. Freestyle builders run it and wait;
 * Pipeline steps start it detached and follow it, so it survives a controller restart.
 */
final class StxCommandRunner {
  private StxCommandRunner() {}

  /** The environment variable the CLI reads a registry login (docker config.json) from. */
  static final String REGISTRY_AUTH = "STX_REGISTRY_AUTH";

  /** The environment variable the CLI reads the ISO signing key from. */
  static final String SIGNING_KEY = "STX_ISO_SIGNING_KEY";

  /** The environment variable a step reads the configured registry from. */
  static final String REGISTRY = "STX_REGISTRY";

  /** The command line of {@code step} with the configured services and their credentials. */
  record Prepared(StxCommandLine command, List<String> secrets) {
    OutputStream maskedLog(TaskListener listener) {
      return new SecretMaskingOutputStream(
          new FilterOutputStream(listener.getLogger()) {
            @Override
            public void close() throws IOException {
              flush(); // the build's log stays open for the steps after this one
            }
          },
          secrets);
    }
  }

  static Prepared prepare(StxCliStep step, Run<?, ?> run, Map<String, String> env)
      throws IOException {
    StxBuildConfiguration config = StxBuildConfiguration.get();
    String user = null;
    String password = null;
    if (!config.getPulpUrl().isBlank() && !config.getPulpCredentialsId().isBlank()) {
      StandardUsernamePasswordCredentials credentials =
          Credentials.usernamePassword(config.getPulpCredentialsId(), run);
      user = credentials.getUsername();
      password = credentials.getPassword().getPlainText();
    }
    Map<String, String> withRegistry = new HashMap<>(env);
    withRegistry.put(REGISTRY, config.getRegistry());
    StxCommandLine command =
        step.commandLine(withRegistry, config.getPulpUrl(), user, password)
            .withPulpContentUrl(config.getPulpContentUrl());
    List<String> secrets = new ArrayList<>();
    if (password != null) {
      secrets.add(password);
    }
    if (step.needsRegistryLogin() && !config.getRegistryCredentialsId().isBlank()) {
      RegistryLogin login =
          Credentials.registryLogin(config.getRegistryCredentialsId(), config.getRegistry(), run);
      command = command.withEnv(Map.of(REGISTRY_AUTH, login.dockerConfigJson()));
      secrets.addAll(login.secretValues());
    }
    String keyId = step.signingKeyCredentialsId();
    if (keyId != null && !keyId.isBlank()) {
      String key = Credentials.secretFileContent(keyId, run);
      command = command.withEnv(Map.of(SIGNING_KEY, key));
      // An armoured key is base64 lines: mask every line long enough to be key material.
      key.lines().map(String::strip).filter(l -> l.length() >= 16).forEach(secrets::add);
    }
    return new Prepared(command, secrets);
  }

  /** Runs the command and waits for it (freestyle builds). */
  static void run(
      StxCliStep step,
      Run<?, ?> run,
      FilePath workspace,
      Map<String, String> env,
      Launcher launcher,
      TaskListener listener)
      throws IOException, InterruptedException {
    Prepared prepared = prepare(step, run, env);
    FilePath link =
        workspace.child(".stx-build/" + StxBuildReportAction.LINK_FILE + "-" + run.getNumber());
    Map<String, String> launchEnv = new HashMap<>(prepared.command().env());
    launchEnv.put(ReportLink.ENV, link.getRemote());
    Launcher target = BuilderContainerLauncher.of(run, workspace, launcher);
    int exit;
    try (OutputStream log = prepared.maskedLog(listener)) {
      exit =
          target
              .launch()
              .cmds(prepared.command().argv())
              .envs(launchEnv)
              .pwd(workspace)
              .stdout(log)
              // in the builder container: the exec would also copy the output, unmasked, to the
              // build log beside this masked copy unless quiet
              .quiet(target != launcher)
              .join();
    }
    StxBuildReportAction.attachIfWritten(run, link);
    link.delete();
    failUnlessZero(step, exit);
  }

  /**
   * Starts the command detached, its control directory at {@code control}; returns at once. It sees
   * the step's environment ({@code withEnv}, {@code stxBuild}'s scope, a tool on {@code PATH}), as
   * {@code sh} does, with the command's own variables over it.
   */
  static void start(
      StxCliStep step,
      Prepared prepared,
      Map<String, String> stepEnv,
      FilePath workspace,
      Launcher launcher,
      FilePath control)
      throws IOException, InterruptedException {
    // The launcher goes in a file: Jenkins' local launcher would expand its "$STX_CONTROL".
    control.mkdirs();
    FilePath script = control.child(DetachedCommand.LAUNCHER_FILE);
    script.write(DetachedCommand.launcherScript(), "UTF-8");
    Map<String, String> launchEnv = new HashMap<>(stepEnv);
    launchEnv.putAll(prepared.command().env());
    launchEnv.putAll(DetachedCommand.launchEnv(control.getRemote()));
    // a package build writes its summary and report location here for the build page
    launchEnv.put(ReportLink.ENV, control.child(StxBuildReportAction.LINK_FILE).getRemote());
    int exit =
        launcher
            .launch()
            .cmds(DetachedCommand.launchArgv(script.getRemote(), prepared.command().argv()))
            .envs(launchEnv)
            .pwd(workspace)
            .quiet(true)
            .join();
    if (exit != 0) {
      throw new AbortException(
          "stx-build " + step.command() + " could not be started (" + exit + ")");
    }
  }

  static void failUnlessZero(StxCliStep step, int exit) throws AbortException {
    if (exit != 0) {
      throw new AbortException("stx-build " + step.command() + " exited " + exit);
    }
  }
}
