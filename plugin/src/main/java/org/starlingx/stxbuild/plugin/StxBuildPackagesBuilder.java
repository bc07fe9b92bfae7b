package org.starlingx.stxbuild.plugin;

import hudson.Extension;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Freestyle jobs: "StarlingX: build packages", the same command as the {@code stxBuildPackages}
 * step.
 */
public class StxBuildPackagesBuilder extends StxCliBuilder {
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

  public boolean isForce() {
    return step.isForce();
  }

  @DataBoundSetter
  public void setForce(boolean force) {
    step.setForce(force);
  }

  public String getPackages() {
    return step.getPackages();
  }

  @DataBoundSetter
  public void setPackages(String packages) {
    step.setPackages(packages);
  }

  public boolean isDistribute() {
    return step.isDistribute();
  }

  @DataBoundSetter
  public void setDistribute(boolean distribute) {
    step.setDistribute(distribute);
  }

  public int getMaxPods() {
    return step.getMaxPods();
  }

  @DataBoundSetter
  public void setMaxPods(int maxPods) {
    step.setMaxPods(maxPods);
  }

  @Override
  StxBuildPackagesStep step() {
    return step;
  }

  @Extension
  @Symbol("stxBuildPackagesBuilder")
  public static final class DescriptorImpl extends StepFormDescriptor {
    public DescriptorImpl() {
      super(StxBuildPackagesStep.class);
    }

    @Override
    public String getDisplayName() {
      return Messages.StxBuildPackagesBuilder_DisplayName();
    }
  }
}
