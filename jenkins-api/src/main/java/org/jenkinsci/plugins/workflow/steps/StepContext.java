package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Result;
import java.io.IOException;
import java.io.Serializable;

/**
 * Compile-only declaration. Upstream, {@code onSuccess(Object)} and {@code onFailure(Throwable)}
 * are inherited from Guava's {@code FutureCallback<Object>}, which StepContext implements; they are
 * declared here directly (calls bind as {@code invokevirtual StepContext.onSuccess}, which the JVM
 * resolves through the superinterface). {@code saveState()} (returns a Guava ListenableFuture) is
 * not declared.
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
