package org.starlingx.stxbuild.testenv.kube;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands an integration test the real Kubernetes cluster of {@code testenv/kube.sh}: parameters of
 * type {@link KubernetesClient} (admin rights, default namespace = the test's own), {@link
 * TestNamespace} and {@link KubeCluster}. Each test method gets a fresh namespace, deleted with
 * everything in it when the test ends.
 */
public final class KubeClusterExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace STORE =
      ExtensionContext.Namespace.create(KubeClusterExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
    Class<?> type = parameter.getParameter().getType();
    return type == KubernetesClient.class
        || type == TestNamespace.class
        || type == KubeCluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
    Class<?> type = parameter.getParameter().getType();
    KubeCluster cluster =
        extension
            .getRoot()
            .getStore(STORE)
            .getOrComputeIfAbsent(KubeCluster.class, key -> reachable(), KubeCluster.class);
    if (type == KubeCluster.class) {
      return cluster;
    }
    OwnedNamespace owned =
        extension
            .getStore(STORE)
            .getOrComputeIfAbsent(
                OwnedNamespace.class,
                key -> OwnedNamespace.create(cluster, extension),
                OwnedNamespace.class);
    return type == TestNamespace.class ? owned.namespace() : owned.client();
  }

  private static KubeCluster reachable() {
    KubeCluster cluster = KubeCluster.fromTestenv();
    try (KubernetesClient client = cluster.adminClient("default")) {
      client.getKubernetesVersion();
    } catch (KubernetesClientException e) {
      throw new ParameterResolutionException(
          "the testenv Kubernetes API server does not answer ("
              + e.getMessage()
              + "); run testenv/kube.sh up",
          e);
    }
    return cluster;
  }

  /** A namespace and an admin client in it; closing deletes the namespace and its contents. */
  private record OwnedNamespace(TestNamespace namespace, KubernetesClient client)
      implements ExtensionContext.Store.CloseableResource {
    static OwnedNamespace create(KubeCluster cluster, ExtensionContext extension) {
      String test =
          extension
              .getTestMethod()
              .map(m -> m.getName())
              .orElse(extension.getRequiredTestClass().getSimpleName());
      String name = "it-" + shorten(test) + "-" + UUID.randomUUID().toString().substring(0, 8);
      KubernetesClient client = cluster.adminClient(name);
      client
          .namespaces()
          .resource(
              new NamespaceBuilder()
                  .withNewMetadata()
                  .withName(name)
                  .addToLabels("testenv.starlingx.org/test", "true")
                  .endMetadata()
                  .build())
          .create();
      return new OwnedNamespace(new TestNamespace(name), client);
    }

    private static String shorten(String testName) {
      String lower = testName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
      lower = lower.length() > 40 ? lower.substring(0, 40) : lower;
      return lower.replaceAll("^-+|-+$", "");
    }

    @Override
    public void close() {
      try {
        client.namespaces().withName(namespace.name()).delete();
      } finally {
        client.close();
      }
    }
  }
}
