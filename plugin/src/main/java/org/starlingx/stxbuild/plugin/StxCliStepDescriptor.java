package org.starlingx.stxbuild.plugin;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;

/** What every stx-build step needs from Pipeline: a node (workspace, launcher) and the build. */
public abstract class StxCliStepDescriptor extends StepDescriptor {
  @Override
  public Set<? extends Class<?>> getRequiredContext() {
    return Set.of(Run.class, FilePath.class, Launcher.class, TaskListener.class, EnvVars.class);
  }
}
