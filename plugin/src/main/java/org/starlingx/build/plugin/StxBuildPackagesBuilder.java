package org.starlingx.build.plugin;

import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** Freestyle jobs: "StarlingX: build packages", the same as the {@code stxBuildPackages} step. */
public class StxBuildPackagesBuilder extends Builder implements SimpleBuildStep {
  private final StxBuildPackagesStep step = new StxBuildPackagesStep();

  @DataBoundConstructor
  public StxBuildPackagesBuilder() {}

  public String getTree() {
    return step.getTree();
  }

  @DataBoundSetter
  public void setTree(String tree) {
    step.setTree(tree);
  }

  public int getWorkers() {
    return step.getWorkers();
  }

  @DataBoundSetter
  public void setWorkers(int workers) {
    step.setWorkers(workers);
  }

  public String getBuildTypes() {
    return step.getBuildTypes();
  }

  @DataBoundSetter
  public void setBuildTypes(String buildTypes) {
    step.setBuildTypes(buildTypes);
  }

  public int getRetries() {
    return step.getRetries();
  }

  @DataBoundSetter
  public void setRetries(int retries) {
    step.setRetries(retries);
  }

  StxBuildPackagesStep step() {
    return step;
  }

  @Override
  public void perform(
      Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
      throws InterruptedException, IOException {
    StxCommandRunner.run(step, run, workspace, env, launcher, listener);
  }

  @Extension
  @Symbol("stxBuildPackagesBuilder")
  public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {
    @Override
    public boolean isApplicable(Class<? extends AbstractProject> jobType) {
      return true;
    }

    @Override
    public String getDisplayName() {
      return "StarlingX: build packages";
    }
  }
}
