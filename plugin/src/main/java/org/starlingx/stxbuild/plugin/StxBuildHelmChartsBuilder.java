package org.starlingx.stxbuild.plugin;

import hudson.Extension;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Freestyle jobs: "StarlingX: assemble the helm chart applications", the same command as the {@code
 * stxBuildHelmCharts} step.
 */
public class StxBuildHelmChartsBuilder extends StxCliBuilder {
  private final StxBuildHelmChartsStep step = new StxBuildHelmChartsStep();

  @DataBoundConstructor
  public StxBuildHelmChartsBuilder() {}

  public String getAppPackages() {
    return step.getAppPackages();
  }

  @DataBoundSetter
  public void setAppPackages(String appPackages) {
    step.setAppPackages(appPackages);
  }

  public String getLabel() {
    return step.getLabel();
  }

  @DataBoundSetter
  public void setLabel(String label) {
    step.setLabel(label);
  }

  public String getImageRecords() {
    return step.getImageRecords();
  }

  @DataBoundSetter
  public void setImageRecords(String imageRecords) {
    step.setImageRecords(imageRecords);
  }

  public String getOutput() {
    return step.getOutput();
  }

  @DataBoundSetter
  public void setOutput(String output) {
    step.setOutput(output);
  }

  @Override
  StxBuildHelmChartsStep step() {
    return step;
  }

  @Extension
  @Symbol("stxBuildHelmChartsBuilder")
  public static final class DescriptorImpl extends StepFormDescriptor {
    public DescriptorImpl() {
      super(StxBuildHelmChartsStep.class);
    }

    @Override
    public String getDisplayName() {
      return Messages.StxBuildHelmChartsBuilder_DisplayName();
    }
  }
}
