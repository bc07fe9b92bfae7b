package org.starlingx.stxbuild.plugin;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jenkins.model.Jenkins;
import org.csanchez.jenkins.plugins.kubernetes.KubernetesCloud;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.GeneralNonBlockingStepExecution;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.starlingx.stxbuild.engine.images.PodImageBuild;
import org.starlingx.stxbuild.engine.images.RegistryLogin;
import org.starlingx.stxbuild.engine.pods.BuildPodFactory;
import org.starlingx.stxbuild.engine.schedule.AbortSignal;
import org.starlingx.stxbuild.engine.scope.BuildScope;
import org.starlingx.stxbuild.engine.scope.NamespaceStrategy;
import org.starlingx.stxbuild.engine.scope.NamingPolicy;
import org.starlingx.stxbuild.engine.scope.ScopeNames;

/**
 * {@code stxBuildImage(dockerfile:, context:, destination:, builder: 'kaniko'|'sysbox')}: builds a
 * container image in a pod of the build's scope, through the configured kubernetes-plugin cloud;
 * registry credentials from the credentials plugin become a scoped Secret for the pod.
 */
public class StxBuildImageStep extends Step implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String dockerfile;
  private final String context;
  private final String destination;
  private String builder = "kaniko";
  private String cacheRepo;

  @DataBoundConstructor
  public StxBuildImageStep(String dockerfile, String context, String destination) {
    this.dockerfile = dockerfile;
    this.context = context;
    this.destination = destination;
  }

  public String getDockerfile() {
    return dockerfile;
  }

  public String getContext() {
    return context;
  }

  public String getDestination() {
    return destination;
  }

  public String getBuilder() {
    return builder;
  }

  @DataBoundSetter
  public void setBuilder(String builder) {
    this.builder = builder;
  }

  public String getCacheRepo() {
    return cacheRepo;
  }

  @DataBoundSetter
  public void setCacheRepo(String cacheRepo) {
    this.cacheRepo = cacheRepo;
  }

  /** The builder named by the step; a clear error for anything else. */
  PodImageBuild.Builder builderKind() throws AbortException {
    try {
      return PodImageBuild.Builder.valueOf(builder.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new AbortException(
          "stxBuildImage builder '" + builder + "' is unknown; expected kaniko or sysbox");
    }
  }

  @Override
  public StepExecution start(StepContext context) {
    return new Execution(context, this);
  }

  static final class Execution extends GeneralNonBlockingStepExecution {
    private static final long serialVersionUID = 1L;
    private final StxBuildImageStep step;

    Execution(StepContext context, StxBuildImageStep step) {
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
      StepContext ctx = getContext();
      EnvVars env = ctx.get(EnvVars.class);
      StxBuildConfiguration config = StxBuildConfiguration.get();
      ScopeNames names =
          new ScopeNames(
              new BuildScope(
                  env.getOrDefault(StxEnvironment.USER, "jenkins"),
                  env.getOrDefault(StxEnvironment.PROJECT, "unknown"),
                  env.getOrDefault(StxEnvironment.BRANCH, "unknown"),
                  env.getOrDefault(StxEnvironment.BUILD_ID, "0")),
              new NamingPolicy(
                  NamespaceStrategy.parse(config.getNamespaceStrategy()),
                  config.getSharedNamespace(),
                  "stx-"));
      RegistryLogin login =
          config.getRegistryCredentialsId().isBlank()
              ? null
              : Credentials.registryLogin(
                  config.getRegistryCredentialsId(), config.getRegistry(), ctx.get(Run.class));
      KubernetesCloud cloud = (KubernetesCloud) Jenkins.get().getCloud(config.getCloudName());
      if (cloud == null) {
        throw new AbortException(
            "no kubernetes cloud named '" + config.getCloudName() + "' (Manage Jenkins > Clouds)");
      }
      PodImageBuild.Result result =
          new PodImageBuild(cloud.connect(), new BuildPodFactory(names, Map.of()))
              .run(
                  "image-" + Integer.toHexString(step.destination.hashCode()),
                  step.builderKind(),
                  step.context,
                  step.dockerfile,
                  step.destination,
                  step.cacheRepo,
                  login,
                  Map.of(),
                  Duration.ofHours(2),
                  new AbortSignal());
      ctx.get(TaskListener.class).getLogger().println("stxBuildImage: " + result.detail());
      if (!result.succeeded()) {
        throw new AbortException("stxBuildImage: " + result.detail());
      }
      ctx.onSuccess(null);
    }
  }

  @Extension
  @Symbol("stxBuildImage")
  public static final class DescriptorImpl extends StepDescriptor {
    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return Set.of(Run.class, TaskListener.class, EnvVars.class);
    }

    @Override
    public String getFunctionName() {
      return "stxBuildImage";
    }

    @Override
    public String getDisplayName() {
      return Messages.StxBuildImageStep_DisplayName();
    }
  }
}
