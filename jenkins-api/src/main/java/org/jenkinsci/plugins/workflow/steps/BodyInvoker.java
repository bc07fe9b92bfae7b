package org.jenkinsci.plugins.workflow.steps;

import hudson.console.ConsoleLogFilter;
import java.util.Collection;

/** Compile-only declaration. */
public abstract class BodyInvoker {
  private BodyInvoker() {}

  public abstract BodyInvoker withContext(Object override);

  public BodyInvoker withContexts(Object... overrides) {
    throw new UnsupportedOperationException("compile-only");
  }

  public BodyInvoker withContexts(Collection<?> overrides) {
    throw new UnsupportedOperationException("compile-only");
  }

  public abstract BodyInvoker withDisplayName(String name);

  public abstract BodyInvoker withCallback(BodyExecutionCallback callback);

  public abstract BodyExecution start();

  public static ConsoleLogFilter mergeConsoleLogFilters(
      ConsoleLogFilter original, ConsoleLogFilter subsequent) {
    throw new UnsupportedOperationException("compile-only");
  }
}
