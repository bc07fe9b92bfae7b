package org.csanchez.jenkins.plugins.kubernetes;

import hudson.model.AbstractDescribableImpl;
import java.io.Serializable;
import java.util.List;
import org.csanchez.jenkins.plugins.kubernetes.pod.yaml.YamlMergeStrategy;

/** Compile-only declaration. */
@SuppressWarnings("deprecation")
public class PodTemplate extends AbstractDescribableImpl<PodTemplate> implements Serializable {
  private static final long serialVersionUID = 1L;

  public PodTemplate() {}

  public String getId() {
    throw new UnsupportedOperationException("compile-only");
  }

  public String getName() {
    throw new UnsupportedOperationException("compile-only");
  }

  public void setName(String name) {
    throw new UnsupportedOperationException("compile-only");
  }

  public String getLabel() {
    throw new UnsupportedOperationException("compile-only");
  }

  public void setLabel(String label) {
    throw new UnsupportedOperationException("compile-only");
  }

  public String getNamespace() {
    throw new UnsupportedOperationException("compile-only");
  }

  public void setNamespace(String namespace) {
    throw new UnsupportedOperationException("compile-only");
  }

  public void setInheritFrom(String inheritFrom) {
    throw new UnsupportedOperationException("compile-only");
  }

  public void setServiceAccount(String serviceAccount) {
    throw new UnsupportedOperationException("compile-only");
  }

  public void setNodeSelector(String nodeSelector) {
    throw new UnsupportedOperationException("compile-only");
  }

  public void setActiveDeadlineSeconds(int i) {
    throw new UnsupportedOperationException("compile-only");
  }

  public void setIdleMinutes(int i) {
    throw new UnsupportedOperationException("compile-only");
  }

  public final List<ContainerTemplate> getContainers() {
    throw new UnsupportedOperationException("compile-only");
  }

  public void setContainers(List<ContainerTemplate> items) {
    throw new UnsupportedOperationException("compile-only");
  }

  public String getYaml() {
    throw new UnsupportedOperationException("compile-only");
  }

  public void setYaml(String yaml) {
    throw new UnsupportedOperationException("compile-only");
  }

  public List<String> getYamls() {
    throw new UnsupportedOperationException("compile-only");
  }

  public void setYamls(List<String> yamls) {
    throw new UnsupportedOperationException("compile-only");
  }

  public YamlMergeStrategy getYamlMergeStrategy() {
    throw new UnsupportedOperationException("compile-only");
  }

  public void setYamlMergeStrategy(YamlMergeStrategy yamlMergeStrategy) {
    throw new UnsupportedOperationException("compile-only");
  }
}
