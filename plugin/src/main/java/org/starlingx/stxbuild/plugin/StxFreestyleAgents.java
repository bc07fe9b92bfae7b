package org.starlingx.stxbuild.plugin;

import hudson.Extension;
import hudson.model.AbstractProject;
import hudson.model.BuildableItemWithBuildWrappers;
import hudson.model.Computer;
import hudson.model.Node;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.RunListener;
import hudson.model.queue.QueueListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import org.csanchez.jenkins.plugins.kubernetes.KubernetesCloud;
import org.csanchez.jenkins.plugins.kubernetes.KubernetesSlave;
import org.csanchez.jenkins.plugins.kubernetes.PodTemplate;
import org.csanchez.jenkins.plugins.kubernetes.pipeline.PodTemplateMap;
import org.starlingx.stxbuild.engine.scope.BuildScope;
import org.starlingx.stxbuild.engine.scope.ScopeNames;

/**
 * Gives a freestyle build with the StarlingX build environment its own pod, as {@code stxBuild}
 * gives a Pipeline one: when the build enters the queue it gets its scope and a label unique to it
 * ({@link StxFreestyleAgent}), the scope's pod template (the same {@link AgentTemplates} {@code
 * stxBuild} uses) is registered on the configured Kubernetes cloud, and the scope's namespace and
 * service account are prepared ({@link BuildNamespaces}); the kubernetes-plugin then provisions the
 * pod for that label. The template is removed when the build ends or its queue item is cancelled,
 * and a pod still waiting for its agent is then terminated.
 *
 * <p>The agent runs in the pod's {@code jnlp} container, as under {@code stxBuild} (its image from
 * the configured pod YAML, else the kubernetes-plugin's default): Jenkins 2.568.1's agent needs
 * Java 21, which the {@code builder} image (Debian bookworm, Java 17 for {@code stx-build}) does
 * not carry. The freestyle builders run {@code stx-build} in the {@code builder} container ({@link
 * BuilderContainerLauncher}), as the steps do inside {@code container('builder')}.
 */
final class StxFreestyleAgents {
  private static final Logger LOGGER = Logger.getLogger(StxFreestyleAgents.class.getName());

  private StxFreestyleAgents() {}

  /** The wrapper of {@code task}, or null when it is not a job with the StarlingX environment. */
  static StxBuildWrapper wrapper(Queue.Task task) {
    if (task instanceof BuildableItemWithBuildWrappers job) {
      return job.getBuildWrappersList().get(StxBuildWrapper.class);
    }
    return null;
  }

  /**
   * The scope of the build {@code item} will start: the job's next build number, counting the job's
   * builds already waiting in the queue, so concurrent builds get distinct scopes.
   */
  static BuildScope scope(AbstractProject<?, ?> job, StxBuildWrapper wrapper, Queue.Item item) {
    int number = job.getNextBuildNumber();
    for (Queue.Item other : Queue.getInstance().getItems(job)) {
      if (other != item && other.getAction(StxFreestyleAgent.class) != null) {
        number++;
      }
    }
    return new BuildScope(
        "jenkins", wrapper.getProject(), wrapper.getBranch(), job.getFullName() + "-" + number);
  }

  /**
   * The scope's pod template, as the kubernetes-plugin's {@code podTemplate} step would make it.
   */
  static PodTemplate podTemplate(Map<String, Object> template) {
    PodTemplate pod = new PodTemplate();
    String label = (String) template.get("label");
    pod.setName(label);
    pod.setLabel(label);
    pod.setNamespace((String) template.get("namespace"));
    pod.setYaml((String) template.get("yaml"));
    // the agent in the kubernetes-plugin's own jnlp container, as podTemplate makes it for stxBuild
    return pod;
  }

  /** Decides the scope of a waiting build and registers its pod template; no network here. */
  static StxFreestyleAgent plan(Queue.Item item) {
    StxBuildWrapper wrapper = wrapper(item.task);
    if (wrapper == null
        || !(item.task instanceof AbstractProject<?, ?> job)
        || item.getAction(StxFreestyleAgent.class) != null) {
      return null;
    }
    StxBuildConfiguration config = StxBuildConfiguration.get();
    if (!(Jenkins.get().getCloud(config.getCloudName()) instanceof KubernetesCloud cloud)) {
      LOGGER.warning(
          "StarlingX build: no Kubernetes cloud named '"
              + config.getCloudName()
              + "'; "
              + item.task.getFullDisplayName()
              + " runs where its own label says, without a pod of its scope");
      return null;
    }
    BuildScope scope = scope(job, wrapper, item);
    Map<String, Object> template = AgentTemplates.of(scope, config);
    StxFreestyleAgent agent =
        new StxFreestyleAgent(
            scope,
            config.getCloudName(),
            (String) template.get("namespace"),
            (String) template.get("label"));
    PodTemplateMap.get().addTemplate(cloud, podTemplate(template));
    item.addAction(agent);
    return agent;
  }

  /** Creates the scope's namespace where it is missing, off the queue's lock. */
  static void prepareNamespace(StxFreestyleAgent agent) {
    Computer.threadPoolForRemoting.submit(
        () -> {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          try (PrintStream log = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            BuildNamespaces.ensure(
                agent.cloud(),
                agent.namespace(),
                Map.of(ScopeNames.MANAGED_BY, ScopeNames.MANAGER),
                log);
          } catch (Exception e) {
            LOGGER.log(Level.WARNING, "StarlingX build: namespace " + agent.namespace(), e);
          }
          if (out.size() > 0) {
            LOGGER.info(out.toString(StandardCharsets.UTF_8).strip());
          }
        });
  }

  /** Removes the build's pod template, and terminates an agent of it that is still there. */
  static void release(StxFreestyleAgent agent, boolean terminateAgents) {
    if (!(Jenkins.get().getCloud(agent.cloud()) instanceof KubernetesCloud cloud)) {
      return;
    }
    List<PodTemplate> templates = PodTemplateMap.get().getTemplates(cloud);
    for (PodTemplate template : templates) {
      if (agent.label().equals(template.getLabel())) {
        PodTemplateMap.get().removeTemplate(cloud, template);
      }
    }
    if (!terminateAgents) {
      return; // a finished build's one-shot agent is terminated by its retention strategy
    }
    for (Node node : Jenkins.get().getNodes()) {
      if (node instanceof KubernetesSlave pod && agent.label().equals(pod.getLabelString())) {
        try {
          pod.terminate();
        } catch (Exception e) {
          LOGGER.log(
              Level.WARNING, "StarlingX build: cannot terminate agent " + pod.getNodeName(), e);
        }
      }
    }
  }

  /** Plans the pod of each waiting freestyle build with the wrapper; releases cancelled ones. */
  @Extension
  public static final class Queued extends QueueListener {
    @Override
    public void onEnterWaiting(Queue.WaitingItem item) {
      try {
        StxFreestyleAgent agent = plan(item);
        if (agent != null) {
          prepareNamespace(agent);
        }
      } catch (RuntimeException e) {
        LOGGER.log(
            Level.WARNING, "StarlingX build: no pod for " + item.task.getFullDisplayName(), e);
      }
    }

    @Override
    public void onLeft(Queue.LeftItem item) {
      StxFreestyleAgent agent = item.getAction(StxFreestyleAgent.class);
      if (agent != null && item.isCancelled()) {
        release(agent, true);
      }
    }
  }

  /** Removes the pod template when the build ends, however it ends. */
  @Extension
  public static final class Finished extends RunListener<Run<?, ?>> {
    @Override
    public void onCompleted(Run<?, ?> run, TaskListener listener) {
      StxFreestyleAgent agent = run.getAction(StxFreestyleAgent.class);
      if (agent != null) {
        release(agent, false);
      }
    }
  }
}
