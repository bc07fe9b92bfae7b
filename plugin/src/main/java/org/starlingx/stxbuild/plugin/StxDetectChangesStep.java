package org.starlingx.stxbuild.plugin;

import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.GeneralNonBlockingStepExecution;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code if (stxDetectChanges()) { ... }}: true when the line needs a build — its sources differ
 * from its last good build's, it never had one, or {@code force: true} (stx-build detect-changes).
 */
public class StxDetectChangesStep extends StxCliStep {
  private static final long serialVersionUID = 1L;
  static final String ANSWER = ".stx-detect-changes.properties";

  private String tree = ".";
  private String buildTypes = "std,rt";
  private boolean force;

  @DataBoundConstructor
  public StxDetectChangesStep() {}

  public String getTree() {
    return tree;
  }

  @DataBoundSetter
  public void setTree(String tree) {
    this.tree = tree;
  }

  public String getBuildTypes() {
    return buildTypes;
  }

  @DataBoundSetter
  public void setBuildTypes(String buildTypes) {
    this.buildTypes = buildTypes;
  }

  public boolean isForce() {
    return force;
  }

  @DataBoundSetter
  public void setForce(boolean force) {
    this.force = force;
  }

  @Override
  protected String command() {
    return "detect-changes";
  }

  @Override
  protected List<String> arguments(Map<String, String> env) {
    List<String> args =
        new ArrayList<>(
            List.of("--tree", tree, "--build-types", buildTypes, "--output-file", ANSWER));
    if (force) {
      args.add("--force");
    }
    args.addAll(StxCommandLine.scopeArguments(env));
    return args;
  }

  /** Reads the command's answer. */
  static boolean needBuild(String answer) {
    return answer.lines().anyMatch(line -> line.strip().equals("NEED_BUILD=true"));
  }

  @Override
  public StepExecution start(StepContext context) {
    return new DetectExecution(context, this);
  }

  /** Runs the command, then returns its NEED_BUILD answer to the Pipeline. */
  static final class DetectExecution extends GeneralNonBlockingStepExecution {
    private static final long serialVersionUID = 1L;
    private final StxDetectChangesStep step;

    DetectExecution(StepContext context, StxDetectChangesStep step) {
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
      run(this::work);
    }

    private void work() throws Exception {
      StepContext context = getContext();
      FilePath workspace = context.get(FilePath.class);
      StxCommandRunner.run(
          step,
          context.get(Run.class),
          workspace,
          context.get(EnvVars.class),
          context.get(Launcher.class),
          context.get(TaskListener.class));
      context.onSuccess(needBuild(workspace.child(ANSWER).readToString()));
    }
  }

  @Extension
  @Symbol("stxDetectChanges")
  public static final class DescriptorImpl extends StxCliStepDescriptor {
    @Override
    public String getFunctionName() {
      return "stxDetectChanges";
    }

    @Override
    public String getDisplayName() {
      return Messages.StxDetectChangesStep_DisplayName();
    }
  }
}
