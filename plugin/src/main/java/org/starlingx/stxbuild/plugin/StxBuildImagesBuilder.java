package org.starlingx.stxbuild.plugin;

import hudson.Extension;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Freestyle jobs: "StarlingX: build the docker base and the listed images", the same command as the
 * {@code stxBuildImages} step.
 */
public class StxBuildImagesBuilder extends StxCliBuilder {
  private final StxBuildImagesStep step = new StxBuildImagesStep();

  @DataBoundConstructor
  public StxBuildImagesBuilder() {}

  public String getTree() {
    return step.getTree();
  }

  @DataBoundSetter
  public void setTree(String tree) {
    step.setTree(tree);
  }

  public String getStream() {
    return step.getStream();
  }

  @DataBoundSetter
  public void setStream(String stream) {
    step.setStream(stream);
  }

  public String getOnly() {
    return step.getOnly();
  }

  @DataBoundSetter
  public void setOnly(String only) {
    step.setOnly(only);
  }

  public String getSkip() {
    return step.getSkip();
  }

  @DataBoundSetter
  public void setSkip(String skip) {
    step.setSkip(skip);
  }

  public String getOutput() {
    return step.getOutput();
  }

  @DataBoundSetter
  public void setOutput(String output) {
    step.setOutput(output);
  }

  public boolean isPush() {
    return step.isPush();
  }

  @DataBoundSetter
  public void setPush(boolean push) {
    step.setPush(push);
  }

  public String getLoci() {
    return step.getLoci();
  }

  @DataBoundSetter
  public void setLoci(String loci) {
    step.setLoci(loci);
  }

  public String getWheels() {
    return step.getWheels();
  }

  @DataBoundSetter
  public void setWheels(String wheels) {
    step.setWheels(wheels);
  }

  @Override
  StxBuildImagesStep step() {
    return step;
  }

  @Extension
  @Symbol("stxBuildImagesBuilder")
  public static final class DescriptorImpl extends StepFormDescriptor {
    public DescriptorImpl() {
      super(StxBuildImagesStep.class);
    }

    @Override
    public String getDisplayName() {
      return Messages.StxBuildImagesBuilder_DisplayName();
    }
  }
}
