package org.starlingx.stxbuild.plugin;

import hudson.EnvVars;
import hudson.Extension;
import hudson.model.TaskListener;
import java.io.Serializable;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.starlingx.stxbuild.engine.scope.BuildScope;
import org.starlingx.stxbuild.engine.scope.ScopeNames;

/**
 * {@code stxAgentTemplate(project:, branch:)}: the pod template of one build's scope, as a map the
 * {@code stxBuild} global variable passes to {@code podTemplate}. Computed on the controller; the
 * scope's namespace is created when it does not exist yet ({@link BuildNamespaces}).
 */
public class StxAgentTemplateStep extends Step implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String project;
  private final String branch;
  private String user;
  private String buildId;

  @DataBoundConstructor
  public StxAgentTemplateStep(String project, String branch) {
    this.project = project;
    this.branch = branch;
  }

  public String getProject() {
    return project;
  }

  public String getBranch() {
    return branch;
  }

  public String getUser() {
    return user;
  }

  @DataBoundSetter
  public void setUser(String user) {
    this.user = user;
  }

  public String getBuildId() {
    return buildId;
  }

  @DataBoundSetter
  public void setBuildId(String buildId) {
    this.buildId = buildId;
  }

  /** The scope, with Jenkins' own job and build number where the step left them out. */
  BuildScope scope(Map<String, String> env) {
    String who =
        user != null && !user.isBlank() ? user : env.getOrDefault("BUILD_USER_ID", "jenkins");
    String id =
        buildId != null && !buildId.isBlank()
            ? buildId
            : env.getOrDefault("JOB_NAME", "job") + "-" + env.getOrDefault("BUILD_NUMBER", "0");
    return new BuildScope(who, project, branch, id);
  }

  @Override
  public StepExecution start(StepContext context) {
    return new Execution(context, this);
  }

  static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;
    private final StxAgentTemplateStep step;

    Execution(StepContext context, StxAgentTemplateStep step) {
      super(context);
      this.step = step;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
      EnvVars env = getContext().get(EnvVars.class);
      StxBuildConfiguration config = StxBuildConfiguration.get();
      Map<String, Object> template = AgentTemplates.of(step.scope(env), config);
      java.io.PrintStream log = getContext().get(TaskListener.class).getLogger();
      BuildNamespaces.ensure(
          config.getCloudName(),
          (String) template.get("namespace"),
          Map.of(ScopeNames.MANAGED_BY, ScopeNames.MANAGER),
          log);
      log.println(
          "stxBuild: pod template "
              + template.get("label")
              + " in namespace "
              + template.get("namespace"));
      return template;
    }
  }

  @Extension
  @Symbol("stxAgentTemplate")
  public static final class DescriptorImpl extends StepDescriptor {
    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return Set.of(EnvVars.class, TaskListener.class);
    }

    @Override
    public String getFunctionName() {
      return "stxAgentTemplate";
    }

    @Override
    public String getDisplayName() {
      return Messages.StxAgentTemplateStep_DisplayName();
    }
  }
}
