package org.starlingx.stxbuild.plugin;

import hudson.Extension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code stxBuildPackages(workers: 4, buildTypes: 'std,rt', retries: 1)}: builds the tree's
 * packages in dependency order into the build's repository session (stx-build build).
 */
public class StxBuildPackagesStep extends StxCliStep {
  private static final long serialVersionUID = 1L;

  private String tree = ".";
  private int workers = 2;
  private String buildTypes = "std";
  private int retries = 0;
  private boolean force;

  @DataBoundConstructor
  public StxBuildPackagesStep() {}

  public String getTree() {
    return tree;
  }

  @DataBoundSetter
  public void setTree(String tree) {
    this.tree = tree;
  }

  public int getWorkers() {
    return workers;
  }

  @DataBoundSetter
  public void setWorkers(int workers) {
    this.workers = workers;
  }

  public String getBuildTypes() {
    return buildTypes;
  }

  @DataBoundSetter
  public void setBuildTypes(String buildTypes) {
    this.buildTypes = buildTypes;
  }

  public int getRetries() {
    return retries;
  }

  @DataBoundSetter
  public void setRetries(int retries) {
    this.retries = retries;
  }

  public boolean isForce() {
    return force;
  }

  @DataBoundSetter
  public void setForce(boolean force) {
    this.force = force;
  }

  @Override
  protected String command() {
    return "build";
  }

  @Override
  protected List<String> arguments(Map<String, String> env) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--tree",
                tree,
                "--build-types",
                buildTypes,
                "--workers",
                String.valueOf(workers),
                "--retries",
                String.valueOf(retries)));
    if (force) {
      args.add("--force");
    }
    args.addAll(StxCommandLine.scopeArguments(env));
    return args;
  }

  @Extension
  @Symbol("stxBuildPackages")
  public static final class DescriptorImpl extends StxCliStepDescriptor {
    @Override
    public String getFunctionName() {
      return "stxBuildPackages";
    }

    @Override
    public String getDisplayName() {
      return Messages.StxBuildPackagesStep_DisplayName();
    }
  }
}
