package org.starlingx.stxbuild.plugin;

import hudson.Extension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code stxDailyBuild(force: false, dryRun: false)}: StarlingX's whole daily sequence in the
 * build's pod (stx-build daily): change detection, download, packages, publish, ISO, status, logs.
 */
public class StxDailyBuildStep extends StxSigningCliStep {
  private static final long serialVersionUID = 1L;

  private String tree = ".";
  private String buildTypes = "std,rt";
  private boolean force;
  private boolean dryRun;
  private int retries = 1;

  @DataBoundConstructor
  public StxDailyBuildStep() {}

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

  public boolean isForce() {
    return force;
  }

  @DataBoundSetter
  public void setForce(boolean force) {
    this.force = force;
  }

  public boolean isDryRun() {
    return dryRun;
  }

  @DataBoundSetter
  public void setDryRun(boolean dryRun) {
    this.dryRun = dryRun;
  }

  public int getRetries() {
    return retries;
  }

  @DataBoundSetter
  public void setRetries(int retries) {
    this.retries = retries;
  }

  @Override
  protected String command() {
    return "daily";
  }

  @Override
  protected List<String> arguments(Map<String, String> env) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--tree", tree, "--build-types", buildTypes, "--retries", String.valueOf(retries)));
    if (force) {
      args.add("--force");
    }
    if (dryRun) {
      args.add("--dry-run");
    }
    addSigningKeyId(args, "--iso-key-id");
    args.addAll(StxCommandLine.scopeArguments(env));
    return args;
  }

  @Extension
  @Symbol("stxDailyBuild")
  public static final class DescriptorImpl extends SigningDescriptor {
    @Override
    public String getFunctionName() {
      return "stxDailyBuild";
    }

    @Override
    public String getDisplayName() {
      return Messages.StxDailyBuildStep_DisplayName();
    }
  }
}
