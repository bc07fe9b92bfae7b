package org.starlingx.stxbuild.plugin;

import hudson.Extension;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** Freestyle jobs: "StarlingX: build the ISO", the same command as the {@code stxBuildIso} step. */
public class StxBuildIsoBuilder extends StxSigningCliBuilder {
  private final StxBuildIsoStep step = new StxBuildIsoStep();

  @DataBoundConstructor
  public StxBuildIsoBuilder() {}

  public String getOutput() {
    return step.getOutput();
  }

  @DataBoundSetter
  public void setOutput(String output) {
    step.setOutput(output);
  }

  public String getRepo() {
    return step.getRepo();
  }

  @DataBoundSetter
  public void setRepo(String repo) {
    step.setRepo(repo);
  }

  @Override
  StxBuildIsoStep step() {
    return step;
  }

  @Extension
  @Symbol("stxBuildIsoBuilder")
  public static final class DescriptorImpl extends SigningFormDescriptor {
    public DescriptorImpl() {
      super(StxBuildIsoStep.class);
    }

    @Override
    public String getDisplayName() {
      return Messages.StxBuildIsoBuilder_DisplayName();
    }
  }
}
