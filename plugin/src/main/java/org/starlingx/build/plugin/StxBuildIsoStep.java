package org.starlingx.build.plugin;

import hudson.Extension;
import hudson.model.Item;
import hudson.util.ListBoxModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * {@code stxBuildIso(output: 'stx.iso')}: an ISO of the branch's last good packages (stx-build
 * iso).
 */
public class StxBuildIsoStep extends StxCliStep {
  private static final long serialVersionUID = 1L;

  private String output = "starlingx.iso";
  private String repo = "build-output/repo";
  private String signingKeyCredentialsId = "";
  private String signingKeyId = "";

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

  public String getSigningKeyCredentialsId() {
    return signingKeyCredentialsId;
  }

  @DataBoundSetter
  public void setSigningKeyCredentialsId(String signingKeyCredentialsId) {
    this.signingKeyCredentialsId = signingKeyCredentialsId == null ? "" : signingKeyCredentialsId;
  }

  public String getSigningKeyId() {
    return signingKeyId;
  }

  @DataBoundSetter
  public void setSigningKeyId(String signingKeyId) {
    this.signingKeyId = signingKeyId == null ? "" : signingKeyId;
  }

  @Override
  protected String signingKeyCredentialsId() {
    return signingKeyCredentialsId;
  }

  @Override
  protected String command() {
    return "iso";
  }

  @Override
  protected List<String> arguments(Map<String, String> env) {
    List<String> args = new ArrayList<>(List.of("--output", output, "--repo", repo));
    if (!signingKeyCredentialsId.isBlank()) {
      args.add("--key-id");
      args.add(signingKeyId);
    }
    args.addAll(StxCommandLine.scopeArguments(env));
    return args;
  }

  @Extension
  @Symbol("stxBuildIso")
  public static final class DescriptorImpl extends StxCliStepDescriptor {
    @Override
    public String getFunctionName() {
      return "stxBuildIso";
    }

    public ListBoxModel doFillSigningKeyCredentialsIdItems(
        @AncestorInPath Item item, @QueryParameter String signingKeyCredentialsId) {
      return Credentials.secretFileItems(item, signingKeyCredentialsId);
    }

    @Override
    public String getDisplayName() {
      return "StarlingX build: build the ISO of the last good packages";
    }
  }
}
