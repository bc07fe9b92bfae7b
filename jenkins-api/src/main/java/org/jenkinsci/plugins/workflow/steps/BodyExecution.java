package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;
import java.util.Collection;
import java.util.concurrent.Future;

/** Compile-only declaration. */
public abstract class BodyExecution implements Future<Object>, Serializable {
  private static final long serialVersionUID = 1L;

  private BodyExecution() {}

  public abstract Collection<StepExecution> getCurrentExecutions();

  public boolean cancel(Throwable t) {
    throw new UnsupportedOperationException("compile-only");
  }

  @Override
  public boolean cancel(boolean b) {
    throw new UnsupportedOperationException("compile-only");
  }
}
