package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

/** Compile-only declaration. */
public abstract class BodyExecutionCallback implements Serializable {
  private static final long serialVersionUID = 1L;

  public void onStart(StepContext context) {
    throw new UnsupportedOperationException("compile-only");
  }

  public abstract void onSuccess(StepContext context, Object result);

  public abstract void onFailure(StepContext context, Throwable t);

  /** Compile-only declaration. */
  public abstract static class TailCall extends BodyExecutionCallback {
    private static final long serialVersionUID = 1L;

    protected abstract void finished(StepContext context) throws Exception;

    @Override
    public final void onSuccess(StepContext context, Object result) {
      throw new UnsupportedOperationException("compile-only");
    }

    @Override
    public void onFailure(StepContext context, Throwable t) {
      throw new UnsupportedOperationException("compile-only");
    }
  }
}
