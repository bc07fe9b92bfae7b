package org.starlingx.build.plugin;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.GeneralNonBlockingStepExecution;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * A step that runs one {@code stx-build} command on the node it is called on (inside {@code
 * stxBuild}: the build's pod), so packages, ISOs and logs move between the pod and the repository
 * service and never through the controller. The execution holds only the step's parameters: after a
 * controller restart it runs the command again against the same scope, and the engine's sessions
 * and incremental reuse make that safe.
 */
public abstract class StxCliStep extends Step implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The {@code stx-build} command. */
  protected abstract String command();

  /** The command's arguments from the step's parameters and the build's environment. */
  protected abstract List<String> arguments(Map<String, String> env);

  /** What the step's execution runs, given the build's environment and the Pulp password. */
  StxCommandLine commandLine(
      Map<String, String> env, String pulpUrl, String pulpUser, String pulpPassword) {
    return StxCommandLine.of(command(), arguments(env), pulpUrl, pulpUser, pulpPassword);
  }

  @Override
  public StepExecution start(StepContext context) {
    return new Execution(context, this);
  }

  /**
   * Runs the command off the CPS thread. After a controller restart Jenkins resumes the execution
   * (its only state is the step, which is serialisable) and the command runs again for the same
   * scope: the engine makes that safe (an interrupted session is replaced, unchanged packages are
   * reused, mirrored files are not fetched again).
   */
  static final class Execution extends GeneralNonBlockingStepExecution {
    private static final long serialVersionUID = 1L;
    private final StxCliStep step;

    Execution(StepContext context, StxCliStep step) {
      super(context);
      this.step = step;
    }

    @Override
    public boolean start() {
      run(this::work);
      return false;
    }

    @Override
    public void onResume() {
      run(
          () -> {
            getContext()
                .get(TaskListener.class)
                .getLogger()
                .println(
                    "stx-build "
                        + step.command()
                        + ": resumed after a controller restart; running it again");
            work();
          });
    }

    private void work() throws Exception {
      StepContext context = getContext();
      StxCommandRunner.run(
          step,
          context.get(Run.class),
          context.get(FilePath.class),
          context.get(EnvVars.class),
          context.get(Launcher.class),
          context.get(TaskListener.class));
      context.onSuccess(null);
    }
  }
}
