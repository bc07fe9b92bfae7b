package org.starlingx.stxbuild.plugin;

import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildWrapperDescriptor;
import java.io.IOException;
import java.util.Map;
import jenkins.tasks.SimpleBuildWrapper;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.starlingx.stxbuild.engine.scope.BuildScope;
import org.starlingx.stxbuild.engine.scope.NamespaceStrategy;
import org.starlingx.stxbuild.engine.scope.NamingPolicy;
import org.starlingx.stxbuild.engine.scope.ScopeNames;

/**
 * Freestyle jobs: "StarlingX build environment" gives the build steps the scope's environment (the
 * same variables {@code stxBuild} sets), so the StarlingX builders know whose build it is. With the
 * configured Kubernetes cloud the build runs in its scope's own pod ({@link StxFreestyleAgents}).
 */
public class StxBuildWrapper extends SimpleBuildWrapper {
  private final String project;
  private final String branch;

  @DataBoundConstructor
  public StxBuildWrapper(String project, String branch) {
    this.project = project;
    this.branch = branch;
  }

  public String getProject() {
    return project;
  }

  public String getBranch() {
    return branch;
  }

  /** The variables for one run of the job. */
  Map<String, String> environment(Map<String, String> env) {
    BuildScope scope =
        new BuildScope(
            env.getOrDefault("BUILD_USER_ID", "jenkins"),
            project,
            branch,
            env.getOrDefault("JOB_NAME", "job") + "-" + env.getOrDefault("BUILD_NUMBER", "0"));
    StxBuildConfiguration config = StxBuildConfiguration.get();
    ScopeNames names =
        new ScopeNames(
            scope,
            new NamingPolicy(
                NamespaceStrategy.parse(config.getNamespaceStrategy()),
                config.getSharedNamespace(),
                "stx-"));
    return StxEnvironment.of(names, config.getPulpUrl());
  }

  @Override
  public void setUp(
      Context context,
      Run<?, ?> build,
      FilePath workspace,
      Launcher launcher,
      TaskListener listener,
      EnvVars initialEnvironment)
      throws IOException, InterruptedException {
    StxFreestyleAgent agent = build.getAction(StxFreestyleAgent.class);
    Map<String, String> env =
        agent != null
            ? StxEnvironment.of(
                AgentTemplates.names(agent.scope(), StxBuildConfiguration.get()),
                StxBuildConfiguration.get().getPulpUrl())
            : environment(initialEnvironment);
    env.forEach(context::env);
    if (agent != null) {
      // in the scope's own pod, whose builder container may create package pods
      PackagePodEnvironment.of(StxBuildConfiguration.get()).forEach(context::env);
    }
    listener
        .getLogger()
        .println(
            "StarlingX build environment for "
                + project
                + " "
                + branch
                + (agent != null ? " in pod " + agent.label() + " of " + agent.namespace() : ""));
  }

  @Extension
  @Symbol("stxBuildEnvironment")
  public static final class DescriptorImpl extends BuildWrapperDescriptor {
    @Override
    public boolean isApplicable(AbstractProject<?, ?> item) {
      return true;
    }

    @Override
    public String getDisplayName() {
      return Messages.StxBuildWrapper_DisplayName();
    }
  }
}
