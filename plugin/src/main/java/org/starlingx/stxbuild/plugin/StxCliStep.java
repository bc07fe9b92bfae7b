package org.starlingx.stxbuild.plugin;

import hudson.AbortException;
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
import org.starlingx.stxbuild.engine.exec.DetachedCommand;
import org.starlingx.stxbuild.engine.exec.DetachedCommandFollower;

/**
 * A step that runs one {@code stx-build} command on the node it is called on (inside {@code
 * stxBuild}: the build's pod), so packages, ISOs and logs move between the pod and the repository
 * service and never through the controller. The command runs detached in the pod, so a controller
 * restart does not end it; the resumed execution reattaches to it.
 */
public abstract class StxCliStep extends Step implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The {@code stx-build} command. */
  protected abstract String command();

  /** The command's arguments from the step's parameters and the build's environment. */
  protected abstract List<String> arguments(Map<String, String> env);

  /** The secret file credential holding the ISO signing key; blank when the step signs nothing. */
  protected String signingKeyCredentialsId() {
    return "";
  }

  /** Whether the command pushes to the registry and so needs its login. */
  protected boolean needsRegistryLogin() {
    return false;
  }

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
   * Runs the command off the CPS thread, detached on the node, and follows its control directory
   * (log, exit code, sign of life) in the workspace. Its state is the step, the control directory's
   * path and how much of the log was copied: after a controller restart Jenkins resumes it and it
   * reattaches to the still-running command, copying the log on from where it stopped. When the
   * command is gone with its pod (no control directory), it runs again for the same scope: the
   * engine makes that safe (an interrupted session is replaced, unchanged packages are reused,
   * mirrored files are not fetched again).
   */
  static final class Execution extends GeneralNonBlockingStepExecution {
    private static final long serialVersionUID = 2L;
    private static final long POLL_MILLIS = 2_000;

    private final StxCliStep step;
    private String control;
    private long copied;

    Execution(StepContext context, StxCliStep step) {
      super(context);
      this.step = step;
    }

    @Override
    public boolean start() {
      run(this::startAndFollow);
      return false;
    }

    @Override
    public void onResume() {
      run(
          () -> {
            FilePath workspace = getContext().get(FilePath.class);
            if (control != null && workspace.child(control).exists()) {
              log().println("stx-build " + step.command() + ": reattached after a restart");
              follow(prepared());
            } else {
              log()
                  .println(
                      "stx-build "
                          + step.command()
                          + ": its pod is gone after a restart; running it again");
              startAndFollow();
            }
          });
    }

    private java.io.PrintStream log() throws Exception {
      return getContext().get(TaskListener.class).getLogger();
    }

    private void startAndFollow() throws Exception {
      StepContext context = getContext();
      FilePath workspace = context.get(FilePath.class);
      control = ".stx-build/steps/" + step.command() + "-" + java.util.UUID.randomUUID();
      copied = 0;
      StxCommandRunner.Prepared prepared = prepared();
      StxCommandRunner.start(
          step,
          prepared,
          context.get(EnvVars.class),
          workspace,
          context.get(Launcher.class),
          workspace.child(control));
      follow(prepared);
    }

    /** The command line and its secrets (resolved again after a restart, for the masking). */
    private StxCommandRunner.Prepared prepared() throws Exception {
      return StxCommandRunner.prepare(
          step, getContext().get(Run.class), getContext().get(EnvVars.class));
    }

    /** Copies the log on as it grows until the command ends; fails the step unless it exits 0. */
    private void follow(StxCommandRunner.Prepared prepared) throws Exception {
      StepContext context = getContext();
      FilePath dir = context.get(FilePath.class).child(control);
      DetachedCommandFollower follower =
          new DetachedCommandFollower(new AgentControlFiles(dir), copied, System::nanoTime);
      try (java.io.OutputStream out = prepared.maskedLog(context.get(TaskListener.class))) {
        jenkins.model.Jenkins started = jenkins.model.Jenkins.get();
        while (true) {
          if (started.isTerminating() || jenkins.model.Jenkins.getInstanceOrNull() != started) {
            // The controller shuts down: copy nothing more, so the position saved with the
            // program is where the resumed execution goes on, and no line is copied twice.
            return;
          }
          DetachedCommand.State state = follower.poll(out);
          if (follower.copied() != copied) {
            copied = follower.copied();
            context.saveState(); // the position survives a restart that comes before the next
          }
          if (state instanceof DetachedCommand.Ended ended) {
            // the report shows on the build page whether the build failed or not
            StxBuildReportAction.attachIfWritten(
                context.get(Run.class), dir.child(StxBuildReportAction.LINK_FILE));
            StxCommandRunner.failUnlessZero(step, ended.exitCode());
            dir.deleteRecursive();
            context.onSuccess(null);
            return;
          }
          if (state instanceof DetachedCommand.Lost lost) {
            throw new AbortException("stx-build " + step.command() + " was lost: " + lost.reason());
          }
          Thread.sleep(POLL_MILLIS);
        }
      }
    }
  }

  /** The control directory in the agent's workspace, read through Jenkins' remote files. */
  private record AgentControlFiles(FilePath dir) implements DetachedCommandFollower.ControlFiles {
    @Override
    public boolean exists(String name) throws java.io.IOException, InterruptedException {
      return dir.child(name).exists();
    }

    @Override
    public long length(String name) throws java.io.IOException, InterruptedException {
      return dir.child(name).length();
    }

    @Override
    public java.io.InputStream readFrom(String name, long offset)
        throws java.io.IOException, InterruptedException {
      return dir.child(name).readFromOffset(offset);
    }

    @Override
    public String read(String name) throws java.io.IOException, InterruptedException {
      return dir.child(name).readToString();
    }
  }
}
