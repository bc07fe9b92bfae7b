package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Result;
import java.io.IOException;
import java.io.Serializable;

/**
 * Compile-only declaration. Upstream, StepContext implements Guava's {@code FutureCallback<Object>}
 * and re-declares {@code onSuccess(Object)} as abstract; {@code onFailure(Throwable)} is inherited
 * from FutureCallback and is declared here directly (a call compiles to {@code invokevirtual
 * StepContext.onFailure}, which the JVM resolves through the superinterface). {@code saveState()}
 * (returns a Guava ListenableFuture) is not declared.
 */
public abstract class StepContext implements Serializable {
  private static final long serialVersionUID = 1L;

  private StepContext() {}

  public abstract <T> T get(Class<T> key) throws IOException, InterruptedException;

  public abstract boolean isReady();

  public abstract void setResult(Result r);

  public abstract BodyInvoker newBodyInvoker() throws IllegalStateException;

  public boolean hasBody() {
    throw new UnsupportedOperationException("compile-only");
  }

  public abstract void onSuccess(Object result);

  public abstract void onFailure(Throwable t);
}
