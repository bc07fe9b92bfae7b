package org.starlingx.stxbuild.plugin;

import hudson.Extension;
import java.util.List;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code stxDownload()}: fills the shared mirror with what the tree needs (stx-build download). */
public class StxDownloadStep extends StxCliStep {
  private static final long serialVersionUID = 1L;

  private String tree = ".";
  private String buildTypes = "std";

  @DataBoundConstructor
  public StxDownloadStep() {}

  public String getTree() {
    return tree;
  }

  @DataBoundSetter
  public void setTree(String tree) {
    this.tree = tree;
  }

  public String getBuildTypes() {
    return buildTypes;
  }

  @DataBoundSetter
  public void setBuildTypes(String buildTypes) {
    this.buildTypes = buildTypes;
  }

  @Override
  protected String command() {
    return "download";
  }

  @Override
  protected List<String> arguments(Map<String, String> env) {
    return List.of("--tree", tree, "--build-types", buildTypes);
  }

  @Extension
  @Symbol("stxDownload")
  public static final class DescriptorImpl extends StxCliStepDescriptor {
    @Override
    public String getFunctionName() {
      return "stxDownload";
    }

    @Override
    public String getDisplayName() {
      return Messages.StxDownloadStep_DisplayName();
    }
  }
}
