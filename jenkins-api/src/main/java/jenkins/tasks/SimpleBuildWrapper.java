package jenkins.tasks;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.console.ConsoleLogFilter;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildWrapper;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;

/** Compile-only declaration. */
public abstract class SimpleBuildWrapper extends BuildWrapper {
  public boolean requiresWorkspace() {
    throw new UnsupportedOperationException("compile-only");
  }

  public void setUp(
      Context context,
      Run<?, ?> build,
      FilePath workspace,
      Launcher launcher,
      TaskListener listener,
      EnvVars initialEnvironment)
      throws IOException, InterruptedException {
    throw new UnsupportedOperationException("compile-only");
  }

  public void setUp(
      Context context, Run<?, ?> build, TaskListener listener, EnvVars initialEnvironment)
      throws IOException, InterruptedException {
    throw new UnsupportedOperationException("compile-only");
  }

  public ConsoleLogFilter createLoggerDecorator(Run<?, ?> build) {
    throw new UnsupportedOperationException("compile-only");
  }

  /** Compile-only declaration. */
  public static final class Context {
    private Context() {}

    public void env(String key, String value) {
      throw new UnsupportedOperationException("compile-only");
    }

    public Map<String, String> getEnv() {
      throw new UnsupportedOperationException("compile-only");
    }

    public Disposer getDisposer() {
      throw new UnsupportedOperationException("compile-only");
    }

    public void setDisposer(Disposer disposer) {
      throw new UnsupportedOperationException("compile-only");
    }
  }

  /** Compile-only declaration. */
  public abstract static class Disposer implements Serializable {
    private static final long serialVersionUID = 1L;

    public final boolean requiresWorkspace() {
      throw new UnsupportedOperationException("compile-only");
    }

    public void tearDown(
        Run<?, ?> build, FilePath workspace, Launcher launcher, TaskListener listener)
        throws IOException, InterruptedException {
      throw new UnsupportedOperationException("compile-only");
    }

    public void tearDown(Run<?, ?> build, TaskListener listener)
        throws IOException, InterruptedException {
      throw new UnsupportedOperationException("compile-only");
    }
  }
}
