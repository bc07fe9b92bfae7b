package jenkins.tasks;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStep;
import java.io.IOException;

/** Compile-only declaration. */
public interface SimpleBuildStep extends BuildStep {
  /** Deprecated upstream: implement the overload taking {@link EnvVars}. */
  @Deprecated
  default void perform(Run<?, ?> run, FilePath workspace, Launcher launcher, TaskListener listener)
      throws InterruptedException, IOException {
    throw new UnsupportedOperationException("compile-only");
  }

  default void perform(
      Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
      throws InterruptedException, IOException {
    throw new UnsupportedOperationException("compile-only");
  }

  default void perform(Run<?, ?> run, EnvVars env, TaskListener listener)
      throws InterruptedException, IOException {
    throw new UnsupportedOperationException("compile-only");
  }

  default boolean requiresWorkspace() {
    throw new UnsupportedOperationException("compile-only");
  }
}
