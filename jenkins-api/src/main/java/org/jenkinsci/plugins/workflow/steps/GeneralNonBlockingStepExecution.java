package org.jenkinsci.plugins.workflow.steps;

/**
 * Compile-only declaration. Base for a step execution that does slow work off the CPS VM thread
 * (via {@link #run(Block)}) and may also invoke a body.
 */
public abstract class GeneralNonBlockingStepExecution extends StepExecution {
  private static final long serialVersionUID = 1L;

  protected GeneralNonBlockingStepExecution(StepContext context) {
    super(context);
  }

  /** Compile-only declaration. */
  @FunctionalInterface
  protected interface Block {
    void run() throws Exception;
  }

  protected final void run(Block block) {
    throw new UnsupportedOperationException("compile-only");
  }

  @Override
  public void stop(Throwable cause) throws Exception {
    throw new UnsupportedOperationException("compile-only");
  }

  @Override
  public void onResume() {
    throw new UnsupportedOperationException("compile-only");
  }

  /** Compile-only declaration: runs {@link #finished} through {@link #run(Block)}. */
  protected abstract class TailCall extends BodyExecutionCallback {
    private static final long serialVersionUID = 1L;

    protected abstract void finished(StepContext context) throws Exception;

    @Override
    public final void onSuccess(StepContext context, Object result) {
      throw new UnsupportedOperationException("compile-only");
    }

    @Override
    public final void onFailure(StepContext context, Throwable t) {
      throw new UnsupportedOperationException("compile-only");
    }
  }
}
