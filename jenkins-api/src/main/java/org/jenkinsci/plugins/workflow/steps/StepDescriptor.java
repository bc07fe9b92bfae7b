package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Descriptor;
import java.util.Set;

/** Compile-only declaration. */
public abstract class StepDescriptor extends Descriptor<Step> {
  public abstract Set<? extends Class<?>> getRequiredContext();

  public Set<? extends Class<?>> getProvidedContext() {
    throw new UnsupportedOperationException("compile-only");
  }

  public abstract String getFunctionName();

  public boolean takesImplicitBlockArgument() {
    throw new UnsupportedOperationException("compile-only");
  }

  public boolean isAdvanced() {
    throw new UnsupportedOperationException("compile-only");
  }
}
