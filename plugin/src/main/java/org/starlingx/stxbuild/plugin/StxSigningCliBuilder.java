package org.starlingx.stxbuild.plugin;

import hudson.model.Item;
import hudson.util.ListBoxModel;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** A freestyle builder of a step that signs the ISO: the signing fields go to the step. */
public abstract class StxSigningCliBuilder extends StxCliBuilder {
  @Override
  abstract StxSigningCliStep step();

  public String getSigningKeyCredentialsId() {
    return step().getSigningKeyCredentialsId();
  }

  @DataBoundSetter
  public void setSigningKeyCredentialsId(String signingKeyCredentialsId) {
    step().setSigningKeyCredentialsId(signingKeyCredentialsId);
  }

  public String getSigningKeyId() {
    return step().getSigningKeyId();
  }

  @DataBoundSetter
  public void setSigningKeyId(String signingKeyId) {
    step().setSigningKeyId(signingKeyId);
  }

  /**
   * The form of a signing step, shown for its builder: Jenkins fills the credentials list from the
   * descriptor of the describable whose form it renders, here the builder's.
   */
  public abstract static class SigningFormDescriptor extends StepFormDescriptor {
    protected SigningFormDescriptor(Class<? extends StxSigningCliStep> stepClass) {
      super(stepClass);
    }

    @POST
    public ListBoxModel doFillSigningKeyCredentialsIdItems(
        @AncestorInPath Item item, @QueryParameter String signingKeyCredentialsId) {
      return Credentials.secretFileItems(item, signingKeyCredentialsId);
    }
  }
}
