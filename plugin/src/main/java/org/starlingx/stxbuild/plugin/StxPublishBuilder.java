package org.starlingx.stxbuild.plugin;

import hudson.Extension;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * Freestyle jobs: "StarlingX: publish the last good build as a release", the same command as the
 * {@code stxPublish} step.
 */
public class StxPublishBuilder extends StxCliBuilder {
  private final StxPublishStep step;

  @DataBoundConstructor
  public StxPublishBuilder(String release) {
    this.step = new StxPublishStep(release);
  }

  public String getRelease() {
    return step.getRelease();
  }

  @Override
  StxPublishStep step() {
    return step;
  }

  @Extension
  @Symbol("stxPublishBuilder")
  public static final class DescriptorImpl extends StepFormDescriptor {
    public DescriptorImpl() {
      super(StxPublishStep.class);
    }

    @Override
    public String getDisplayName() {
      return Messages.StxPublishBuilder_DisplayName();
    }
  }
}
