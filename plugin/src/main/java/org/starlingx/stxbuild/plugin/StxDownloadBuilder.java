package org.starlingx.stxbuild.plugin;

import hudson.Extension;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Freestyle jobs: "StarlingX: download the tree's sources into the shared mirror", the same command
 * as the {@code stxDownload} step.
 */
public class StxDownloadBuilder extends StxCliBuilder {
  private final StxDownloadStep step = new StxDownloadStep();

  @DataBoundConstructor
  public StxDownloadBuilder() {}

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

  @Override
  StxDownloadStep step() {
    return step;
  }

  @Extension
  @Symbol("stxDownloadBuilder")
  public static final class DescriptorImpl extends StepFormDescriptor {
    public DescriptorImpl() {
      super(StxDownloadStep.class);
    }

    @Override
    public String getDisplayName() {
      return Messages.StxDownloadBuilder_DisplayName();
    }
  }
}
