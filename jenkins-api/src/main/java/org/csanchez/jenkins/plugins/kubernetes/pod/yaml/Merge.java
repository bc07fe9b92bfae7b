package org.csanchez.jenkins.plugins.kubernetes.pod.yaml;

import org.kohsuke.stapler.DataBoundConstructor;

/** Compile-only declaration. */
public class Merge extends YamlMergeStrategy {
  private static final long serialVersionUID = 1L;

  @DataBoundConstructor
  public Merge() {}
}
