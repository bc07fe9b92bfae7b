package org.starlingx.stxbuild.plugin;

import hudson.model.Item;
import hudson.util.ListBoxModel;
import java.util.List;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A step whose command signs the ISO: the key is a secret file credential, handed to the command in
 * its environment ({@link StxCommandRunner}); only the key's id is on the command line.
 */
public abstract class StxSigningCliStep extends StxCliStep {
  private static final long serialVersionUID = 1L;

  private String signingKeyCredentialsId = "";
  private String signingKeyId = "";

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

  /** Adds {@code option keyId} when a signing key is configured. */
  protected void addSigningKeyId(List<String> args, String option) {
    if (!signingKeyCredentialsId.isBlank()) {
      args.add(option);
      args.add(signingKeyId);
    }
  }

  /** Lists the secret file credentials a signing key can come from. */
  public abstract static class SigningDescriptor extends StxCliStepDescriptor {
    @POST
    public ListBoxModel doFillSigningKeyCredentialsIdItems(
        @AncestorInPath Item item, @QueryParameter String signingKeyCredentialsId) {
      return Credentials.secretFileItems(item, signingKeyCredentialsId);
    }
  }
}
