package org.starlingx.stxbuild.plugin;

import hudson.Extension;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** Freestyle jobs: "StarlingX: build the wheels tarball", the same as {@code stxBuildWheels}. */
public class StxBuildWheelsBuilder extends StxCliBuilder {
  private final StxBuildWheelsStep step = new StxBuildWheelsStep();

  @DataBoundConstructor
  public StxBuildWheelsBuilder() {}

  public String getTree() {
    return step.getTree();
  }

  @DataBoundSetter
  public void setTree(String tree) {
    step.setTree(tree);
  }

  public String getOutput() {
    return step.getOutput();
  }

  @DataBoundSetter
  public void setOutput(String output) {
    step.setOutput(output);
  }

  @Override
  StxBuildWheelsStep step() {
    return step;
  }

  @Extension
  @Symbol("stxBuildWheelsBuilder")
  public static final class DescriptorImpl extends StepFormDescriptor {
    public DescriptorImpl() {
      super(StxBuildWheelsStep.class);
    }

    @Override
    public String getDisplayName() {
      return Messages.StxBuildWheelsBuilder_DisplayName();
    }
  }
}
