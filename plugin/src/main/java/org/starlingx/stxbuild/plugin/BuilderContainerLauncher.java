package org.starlingx.stxbuild.plugin;

import com.google.common.util.concurrent.ListenableFuture;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Computer;
import hudson.model.Node;
import hudson.model.Result;
import hudson.model.Run;
import java.io.IOException;
import jenkins.model.Jenkins;
import org.csanchez.jenkins.plugins.kubernetes.KubernetesSlave;
import org.csanchez.jenkins.plugins.kubernetes.pipeline.ContainerExecDecorator;
import org.csanchez.jenkins.plugins.kubernetes.pipeline.KubernetesNodeContext;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs a freestyle builder's command in the {@code builder} container of its scope's pod, where
 * {@code stx-build} and its tools are, while the Jenkins agent runs in the pod's {@code jnlp}
 * container ({@link StxFreestyleAgents}). It is the kubernetes-plugin's own {@code container} step
 * machinery ({@link ContainerExecDecorator}: an exec into the container through the cloud's client,
 * the environment handed over the exec's input, never its command line), given the freestyle
 * build's node in place of a Pipeline's step context.
 */
final class BuilderContainerLauncher {
  /** The agent pod's container that holds {@code stx-build} (the engine's agent pod YAML). */
  static final String CONTAINER = "builder";

  private BuilderContainerLauncher() {}

  /**
   * {@code launcher} running in the builder container when {@code run} is a freestyle build in its
   * scope's pod; else {@code launcher} itself (a job without a Kubernetes cloud runs where its
   * label says, with the tools of that node).
   */
  static Launcher of(Run<?, ?> run, FilePath workspace, Launcher launcher) throws IOException {
    if (run.getAction(StxFreestyleAgent.class) == null) {
      return launcher;
    }
    Computer computer = workspace.toComputer();
    Node node = computer == null ? null : computer.getNode();
    if (!(node instanceof KubernetesSlave pod)) {
      return launcher;
    }
    ContainerExecDecorator decorator = new ContainerExecDecorator();
    try {
      decorator.setNodeContext(new KubernetesNodeContext(new NodeOnly(pod)));
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("cannot reach the pod " + pod.getPodName() + " of this build", e);
    }
    decorator.setContainerName(CONTAINER);
    return decorator.decorate(launcher, pod);
  }

  /**
   * The one thing {@link KubernetesNodeContext} asks of a step context: the node the build runs on.
   * A freestyle build has no step context; nothing else is ever asked of this one.
   */
  static final class NodeOnly extends StepContext {
    private static final long serialVersionUID = 1L;
    // by name, as Jenkins knows it: a node is not serializable, its name is
    private final String nodeName;

    NodeOnly(Node node) {
      this.nodeName = node.getNodeName();
    }

    @Override
    public <T> T get(Class<T> key) {
      Node node = Jenkins.get().getNode(nodeName);
      return key.isInstance(node) ? key.cast(node) : null;
    }

    @Override
    public void onSuccess(Object result) {
      throw new UnsupportedOperationException("a freestyle build has no step to complete");
    }

    @Override
    public void onFailure(Throwable t) {
      throw new UnsupportedOperationException("a freestyle build has no step to complete", t);
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public ListenableFuture<Void> saveState() {
      throw new UnsupportedOperationException("a freestyle build has no step state");
    }

    @Override
    public void setResult(Result result) {
      throw new UnsupportedOperationException("a freestyle build has no step result");
    }

    @Override
    public BodyInvoker newBodyInvoker() {
      throw new IllegalStateException("a freestyle build has no step body");
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof NodeOnly that && that.nodeName.equals(nodeName);
    }

    @Override
    public int hashCode() {
      return nodeName.hashCode();
    }
  }
}
