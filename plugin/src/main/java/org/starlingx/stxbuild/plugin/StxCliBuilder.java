package org.starlingx.stxbuild.plugin;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Descriptor;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Set;
import java.util.TreeSet;
import jenkins.model.Jenkins;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * A freestyle build step that runs the same {@code stx-build} command as its Pipeline step: the
 * builder holds the step and delegates every field to it, its form is the step's form, and its help
 * is the step's help, so the two can never drift apart.
 */
public abstract class StxCliBuilder extends Builder implements SimpleBuildStep {
  /** The Pipeline step this builder runs. */
  abstract StxCliStep step();

  @Override
  public void perform(
      Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
      throws InterruptedException, IOException {
    StxCommandRunner.run(step(), run, workspace, env, launcher, listener);
  }

  /**
   * The form fields a describable binds, as Jenkins binds them: its {@code @DataBoundConstructor}
   * parameters (compiled with {@code -parameters}) and {@code @DataBoundSetter} properties.
   */
  static Set<String> boundFields(Class<?> type) {
    Set<String> fields = new TreeSet<>();
    for (Constructor<?> constructor : type.getConstructors()) {
      if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
        for (Parameter parameter : constructor.getParameters()) {
          fields.add(parameter.getName());
        }
      }
    }
    for (Method method : type.getMethods()) {
      if (method.isAnnotationPresent(DataBoundSetter.class) && method.getName().startsWith("set")) {
        String name = method.getName().substring(3);
        fields.add(Character.toLowerCase(name.charAt(0)) + name.substring(1));
      }
    }
    return fields;
  }

  /** Shows the step's form ({@code StxCliBuilder/config.jelly}) and redirects help to it. */
  public abstract static class StepFormDescriptor extends BuildStepDescriptor<Builder> {
    private final Class<? extends StxCliStep> stepClass;

    protected StepFormDescriptor(Class<? extends StxCliStep> stepClass) {
      this.stepClass = stepClass;
      for (String field : boundFields(stepClass)) {
        addHelpFileRedirect(field, stepClass, field);
      }
    }

    Class<? extends StxCliStep> stepClass() {
      return stepClass;
    }

    /** The step's descriptor, whose {@code configPage} this builder's view includes. */
    @SuppressWarnings("rawtypes")
    public Descriptor getStepDescriptor() {
      return Jenkins.get().getDescriptor(stepClass);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean isApplicable(Class<? extends AbstractProject> jobType) {
      return true;
    }
  }
}
