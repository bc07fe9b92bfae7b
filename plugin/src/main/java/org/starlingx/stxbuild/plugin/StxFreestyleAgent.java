package org.starlingx.stxbuild.plugin;

import hudson.model.InvisibleAction;
import hudson.model.Label;
import hudson.model.labels.LabelAssignmentAction;
import hudson.model.queue.SubTask;
import jenkins.model.Jenkins;
import org.starlingx.stxbuild.engine.scope.BuildScope;

/**
 * The scope and pod of one freestyle build with the StarlingX build environment, decided when the
 * build enters the queue: it assigns the build the label of its own pod template, so the
 * kubernetes-plugin provisions exactly that pod, and it travels from the queue item to the build,
 * where the wrapper reads the same scope (build.xml keeps it).
 */
public final class StxFreestyleAgent extends InvisibleAction implements LabelAssignmentAction {
  private final String user;
  private final String project;
  private final String branch;
  private final String buildId;
  private final String cloud;
  private final String namespace;
  private final String label;

  StxFreestyleAgent(BuildScope scope, String cloud, String namespace, String label) {
    this.user = scope.user();
    this.project = scope.project();
    this.branch = scope.branch();
    this.buildId = scope.buildId();
    this.cloud = cloud;
    this.namespace = namespace;
    this.label = label;
  }

  BuildScope scope() {
    return new BuildScope(user, project, branch, buildId);
  }

  String cloud() {
    return cloud;
  }

  String namespace() {
    return namespace;
  }

  String label() {
    return label;
  }

  @Override
  public Label getAssignedLabel(SubTask task) {
    return Jenkins.get().getLabel(label);
  }
}
