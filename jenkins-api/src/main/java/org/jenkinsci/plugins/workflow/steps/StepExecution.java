package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

/** Compile-only declaration. */
public abstract class StepExecution implements Serializable {
  private static final long serialVersionUID = 1L;

  protected StepExecution() {}

  protected StepExecution(StepContext context) {}

  public StepContext getContext() {
    throw new UnsupportedOperationException("compile-only");
  }

  public abstract boolean start() throws Exception;

  public void stop(Throwable cause) throws Exception {
    throw new UnsupportedOperationException("compile-only");
  }

  public void onResume() {
    throw new UnsupportedOperationException("compile-only");
  }

  public String getStatus() {
    throw new UnsupportedOperationException("compile-only");
  }
}
