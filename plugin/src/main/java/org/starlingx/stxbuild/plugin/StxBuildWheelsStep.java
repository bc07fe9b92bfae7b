package org.starlingx.stxbuild.plugin;

import hudson.Extension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code stxBuildWheels()}: StarlingX's wheels tarball — the base wheels of the tree's
 * stable-wheels.cfg and the wheels of the branch's last good packages (stx-build wheels).
 */
public class StxBuildWheelsStep extends StxCliStep {
  private static final long serialVersionUID = 1L;

  private String tree = ".";
  private String output = "build-output/wheels";

  @DataBoundConstructor
  public StxBuildWheelsStep() {}

  public String getTree() {
    return tree;
  }

  @DataBoundSetter
  public void setTree(String tree) {
    this.tree = tree;
  }

  public String getOutput() {
    return output;
  }

  @DataBoundSetter
  public void setOutput(String output) {
    this.output = output;
  }

  @Override
  protected String command() {
    return "wheels";
  }

  @Override
  protected List<String> arguments(Map<String, String> env) {
    List<String> args = new ArrayList<>(List.of("--tree", tree, "--output", output));
    args.addAll(StxCommandLine.scopeArguments(env));
    return args;
  }

  @Extension
  @Symbol("stxBuildWheels")
  public static final class DescriptorImpl extends StxCliStepDescriptor {
    @Override
    public String getFunctionName() {
      return "stxBuildWheels";
    }

    @Override
    public String getDisplayName() {
      return Messages.StxBuildWheelsStep_DisplayName();
    }
  }
}
