package org.csanchez.jenkins.plugins.kubernetes;

import hudson.model.AbstractDescribableImpl;
import java.io.Serializable;
import org.kohsuke.stapler.DataBoundConstructor;

/** Compile-only declaration. */
@SuppressWarnings("deprecation")
public class ContainerTemplate extends AbstractDescribableImpl<ContainerTemplate>
    implements Serializable {
  private static final long serialVersionUID = 1L;

  @DataBoundConstructor
  public ContainerTemplate(String name, String image) {}

  public String getName() {
    throw new UnsupportedOperationException("compile-only");
  }

  public String getImage() {
    throw new UnsupportedOperationException("compile-only");
  }

  public void setCommand(String command) {
    throw new UnsupportedOperationException("compile-only");
  }

  public void setArgs(String args) {
    throw new UnsupportedOperationException("compile-only");
  }

  public void setTtyEnabled(boolean ttyEnabled) {
    throw new UnsupportedOperationException("compile-only");
  }

  public void setWorkingDir(String workingDir) {
    throw new UnsupportedOperationException("compile-only");
  }
}
