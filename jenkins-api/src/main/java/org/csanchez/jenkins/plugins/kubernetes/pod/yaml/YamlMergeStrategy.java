package org.csanchez.jenkins.plugins.kubernetes.pod.yaml;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;
import java.io.Serializable;

/**
 * Compile-only declaration. The abstract {@code merge(List<String>)} (returns a fabric8 Pod) is not
 * declared: the plugin only passes instances to PodTemplate.
 */
@SuppressWarnings("deprecation")
public abstract class YamlMergeStrategy extends AbstractDescribableImpl<YamlMergeStrategy>
    implements ExtensionPoint, Serializable {
  private static final long serialVersionUID = 1L;

  YamlMergeStrategy() {}

  public static YamlMergeStrategy defaultStrategy() {
    throw new UnsupportedOperationException("compile-only");
  }
}
