package org.starlingx.stxbuild.plugin;

import hudson.AbortException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.PrintStream;
import java.util.Map;
import jenkins.model.Jenkins;
import org.csanchez.jenkins.plugins.kubernetes.KubernetesCloud;
import org.starlingx.stxbuild.engine.pods.PackagePodManager;
import org.starlingx.stxbuild.engine.pods.RoleSettings;

/**
 * The namespace a build's agent pod is created in: with the {@code per-project} strategy each
 * project has its own, which nobody created beforehand, so the kubernetes-plugin's pod request
 * would fail with 404. Created here, through the configured cloud's own client, with the service
 * account build pods run as and the Role that lets the build's agent pod (which runs as that
 * account, with a token in its builder container only) create its package pods.
 */
final class BuildNamespaces {
  private BuildNamespaces() {}

  /** The Kubernetes cloud the configuration names, or a message naming the setting. */
  static KubernetesCloud cloud(String cloudName) throws AbortException {
    if (Jenkins.get().getCloud(cloudName) instanceof KubernetesCloud cloud) {
      return cloud;
    }
    throw new AbortException(
        "StarlingX build: no Kubernetes cloud named '"
            + cloudName
            + "' (Manage Jenkins > Clouds); the StarlingX build configuration's cloud name must"
            + " name one");
  }

  /**
   * Creates {@code namespace}, its build pod service account and the package pods' Role and
   * RoleBinding where they are missing.
   */
  static void ensure(
      String cloudName, String namespace, Map<String, String> labels, PrintStream log)
      throws Exception {
    KubernetesClient client = cloud(cloudName).connect();
    try {
      if (client.namespaces().withName(namespace).get() == null) {
        client
            .namespaces()
            .resource(
                new NamespaceBuilder()
                    .withNewMetadata()
                    .withName(namespace)
                    .withLabels(labels)
                    .endMetadata()
                    .build())
            .create();
        log.println("stxBuild: created namespace " + namespace);
      }
      String account = RoleSettings.BUILD_POD_SERVICE_ACCOUNT;
      if (client.serviceAccounts().inNamespace(namespace).withName(account).get() == null) {
        client
            .serviceAccounts()
            .inNamespace(namespace)
            .resource(
                new ServiceAccountBuilder()
                    .withNewMetadata()
                    .withName(account)
                    .withNamespace(namespace)
                    .withLabels(labels)
                    .endMetadata()
                    .withAutomountServiceAccountToken(false)
                    .build())
            .create();
      }
      createUnlessPresent(client, PackagePodManager.role(namespace, labels));
      createUnlessPresent(client, PackagePodManager.roleBinding(namespace, labels));
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        return; // another build of the project created it at the same moment
      }
      throw new AbortException(
          "StarlingX build: cannot prepare namespace "
              + namespace
              + " through cloud '"
              + cloudName
              + "' (HTTP "
              + e.getCode()
              + "); create it beforehand (the Helm chart's build namespaces) or let the cloud's"
              + " credentials create namespaces, service accounts, roles and role bindings");
    }
  }

  /** Another build of the project may create the same object at the same moment: that is fine. */
  private static void createUnlessPresent(KubernetesClient client, HasMetadata object) {
    if (client.resource(object).get() != null) {
      return;
    }
    try {
      client.resource(object).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw e;
      }
    }
  }
}
