package org.starlingx.stxbuild.testenv.kube;

import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.starlingx.stxbuild.testenv.TestenvHome;

/**
 * The Kubernetes cluster that {@code testenv/kube.sh up} started: a real API server, controller
 * manager and scheduler, with KWOK playing the nodes. Hands out clients as the admin or as a
 * service account, so permission tests go through real authentication and RBAC.
 */
public final class KubeCluster {
  private final Path kubeconfig;
  private final Config adminConfig;

  private KubeCluster(Path kubeconfig, Config adminConfig) {
    this.kubeconfig = kubeconfig;
    this.adminConfig = adminConfig;
  }

  /** Reads the admin kubeconfig {@code testenv/kube.sh} wrote; fails with the command to run. */
  public static KubeCluster fromTestenv() {
    Path kubeconfig = TestenvHome.path().resolve("kube").resolve("kubeconfig");
    if (!Files.isRegularFile(kubeconfig)) {
      throw new IllegalStateException(
          "no testenv Kubernetes cluster: " + kubeconfig + " is missing; run testenv/kube.sh up");
    }
    try {
      return new KubeCluster(kubeconfig, Config.fromKubeconfig(Files.readString(kubeconfig)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + kubeconfig, e);
    }
  }

  /** The admin kubeconfig file, for tools that take one. */
  public Path kubeconfig() {
    return kubeconfig;
  }

  /** A client with cluster-admin rights, its default namespace set to {@code namespace}. */
  public KubernetesClient adminClient(String namespace) {
    Config config = new ConfigBuilder(adminConfig).withNamespace(namespace).build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /**
   * A client that authenticates as a service account with a short-lived token from the TokenRequest
   * API, exactly as a pod of that account would.
   */
  public KubernetesClient serviceAccountClient(String namespace, String serviceAccount) {
    String token;
    try (KubernetesClient admin = adminClient(namespace)) {
      TokenRequest request =
          new TokenRequestBuilder().withNewSpec().withExpirationSeconds(600L).endSpec().build();
      token =
          admin
              .serviceAccounts()
              .inNamespace(namespace)
              .withName(serviceAccount)
              .tokenRequest(request)
              .getStatus()
              .getToken();
    }
    Config config =
        new ConfigBuilder()
            .withMasterUrl(adminConfig.getMasterUrl())
            .withCaCertData(adminConfig.getCaCertData())
            .withCaCertFile(adminConfig.getCaCertFile())
            .withOauthToken(token)
            .withNamespace(namespace)
            .build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }
}
