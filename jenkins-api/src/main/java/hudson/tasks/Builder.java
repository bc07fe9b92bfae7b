package hudson.tasks;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;

/** Compile-only declaration. */
public abstract class Builder implements BuildStep, Describable<Builder>, ExtensionPoint {
  @Override
  public Descriptor<Builder> getDescriptor() {
    throw new UnsupportedOperationException("compile-only");
  }
}
