package hudson.slaves;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.security.AccessControlled;

/** Compile-only declaration. */
public abstract class Cloud implements ExtensionPoint, Describable<Cloud>, AccessControlled {
  public String name;

  protected Cloud(String name) {
    this.name = name;
  }

  public String getDisplayName() {
    throw new UnsupportedOperationException("compile-only");
  }
}
