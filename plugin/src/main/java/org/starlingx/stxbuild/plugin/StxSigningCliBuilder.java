package org.starlingx.stxbuild.plugin;

import org.kohsuke.stapler.DataBoundSetter;

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
}
