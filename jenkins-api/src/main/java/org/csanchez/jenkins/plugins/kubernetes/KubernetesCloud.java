package org.csanchez.jenkins.plugins.kubernetes;

import hudson.slaves.Cloud;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.util.List;
import org.jenkinsci.plugins.kubernetes.auth.KubernetesAuthException;

/** Compile-only declaration. */
public class KubernetesCloud extends Cloud {
  private KubernetesCloud() {
    super(null);
  }

  public String getNamespace() {
    throw new UnsupportedOperationException("compile-only");
  }

  public List<PodTemplate> getTemplates() {
    throw new UnsupportedOperationException("compile-only");
  }

  public void addDynamicTemplate(PodTemplate t) {
    throw new UnsupportedOperationException("compile-only");
  }

  public void removeDynamicTemplate(PodTemplate t) {
    throw new UnsupportedOperationException("compile-only");
  }

  public KubernetesClient connect() throws KubernetesAuthException, IOException {
    throw new UnsupportedOperationException("compile-only");
  }
}
