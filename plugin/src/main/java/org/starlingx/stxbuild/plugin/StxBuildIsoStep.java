package org.starlingx.stxbuild.plugin;

import hudson.Extension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code stxBuildIso(output: 'stx.iso')}: an ISO of the branch's last good packages (stx-build
 * iso).
 */
public class StxBuildIsoStep extends StxSigningCliStep {
  private static final long serialVersionUID = 1L;

  private String output = "starlingx.iso";
  private String repo = "build-output/repo";

  @DataBoundConstructor
  public StxBuildIsoStep() {}

  public String getOutput() {
    return output;
  }

  @DataBoundSetter
  public void setOutput(String output) {
    this.output = output;
  }

  public String getRepo() {
    return repo;
  }

  @DataBoundSetter
  public void setRepo(String repo) {
    this.repo = repo;
  }

  @Override
  protected String command() {
    return "iso";
  }

  @Override
  protected List<String> arguments(Map<String, String> env) {
    List<String> args = new ArrayList<>(List.of("--output", output, "--repo", repo));
    addSigningKeyId(args, "--key-id");
    args.addAll(StxCommandLine.scopeArguments(env));
    return args;
  }

  @Extension
  @Symbol("stxBuildIso")
  public static final class DescriptorImpl extends SigningDescriptor {
    @Override
    public String getFunctionName() {
      return "stxBuildIso";
    }

    @Override
    public String getDisplayName() {
      return Messages.StxBuildIsoStep_DisplayName();
    }
  }
}
