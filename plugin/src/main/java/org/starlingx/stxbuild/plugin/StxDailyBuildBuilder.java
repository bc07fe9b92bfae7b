package org.starlingx.stxbuild.plugin;

import hudson.Extension;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Freestyle jobs: "StarlingX: the whole daily build sequence", the same command as the {@code
 * stxDailyBuild} step.
 */
public class StxDailyBuildBuilder extends StxSigningCliBuilder {
  private final StxDailyBuildStep step = new StxDailyBuildStep();

  @DataBoundConstructor
  public StxDailyBuildBuilder() {}

  public String getTree() {
    return step.getTree();
  }

  @DataBoundSetter
  public void setTree(String tree) {
    step.setTree(tree);
  }

  public String getBuildTypes() {
    return step.getBuildTypes();
  }

  @DataBoundSetter
  public void setBuildTypes(String buildTypes) {
    step.setBuildTypes(buildTypes);
  }

  public boolean isForce() {
    return step.isForce();
  }

  @DataBoundSetter
  public void setForce(boolean force) {
    step.setForce(force);
  }

  public boolean isDryRun() {
    return step.isDryRun();
  }

  @DataBoundSetter
  public void setDryRun(boolean dryRun) {
    step.setDryRun(dryRun);
  }

  public int getRetries() {
    return step.getRetries();
  }

  @DataBoundSetter
  public void setRetries(int retries) {
    step.setRetries(retries);
  }

  @Override
  StxDailyBuildStep step() {
    return step;
  }

  @Extension
  @Symbol("stxDailyBuildBuilder")
  public static final class DescriptorImpl extends SigningFormDescriptor {
    public DescriptorImpl() {
      super(StxDailyBuildStep.class);
    }

    @Override
    public String getDisplayName() {
      return Messages.StxDailyBuildBuilder_DisplayName();
    }
  }
}
