package org.starlingx.stxbuild.testenv.kube;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands an integration test the real Kubernetes cluster of {@code testenv/kube.sh}: parameters of
 * type {@link KubernetesClient} (admin rights, default namespace = the test's own), {@link
 * TestNamespace}, {@link KubeCluster} and {@link RealNode} (the node that runs containers for real;
 * a test taking it is skipped when testenv runs without it, {@code STX_KUBE_REAL_NODE=0}, and fails
 * when it should be there and is not Ready). Each test method gets a fresh namespace, deleted with
 * everything in it when the test ends.
 */
public final class KubeClusterExtension implements ParameterResolver, ExecutionCondition {
  private static final ExtensionContext.Namespace STORE =
      ExtensionContext.Namespace.create(KubeClusterExtension.class);

  /** Tests (or their set-up methods) that take a {@link RealNode} are skipped without one. */
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext extension) {
    if (!"0".equals(System.getenv("STX_KUBE_REAL_NODE"))) {
      return ConditionEvaluationResult.enabled("testenv has its real node");
    }
    boolean wantsRealNode =
        extension.getTestMethod().map(KubeClusterExtension::takesRealNode).orElse(false)
            || extension
                .getTestClass()
                .map(
                    c ->
                        Arrays.stream(c.getDeclaredMethods())
                            .filter(
                                m ->
                                    m.isAnnotationPresent(BeforeEach.class)
                                        || m.isAnnotationPresent(BeforeAll.class))
                            .anyMatch(KubeClusterExtension::takesRealNode))
                .orElse(false);
    return wantsRealNode
        ? ConditionEvaluationResult.disabled(
            "testenv runs without its real node (STX_KUBE_REAL_NODE=0)")
        : ConditionEvaluationResult.enabled("does not need the real node");
  }

  private static boolean takesRealNode(Method method) {
    return Arrays.asList(method.getParameterTypes()).contains(RealNode.class);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
    Class<?> type = parameter.getParameter().getType();
    return type == KubernetesClient.class
        || type == TestNamespace.class
        || type == KubeCluster.class
        || type == RealNode.class;
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
    if (type == RealNode.class) {
      return extension
          .getRoot()
          .getStore(STORE)
          .getOrComputeIfAbsent(RealNode.class, key -> readyRealNode(cluster), RealNode.class);
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

  private static RealNode readyRealNode(KubeCluster cluster) {
    if (!Files.isRegularFile(RealNode.propertiesFile())) {
      throw new ParameterResolutionException(
          "no testenv real node: "
              + RealNode.propertiesFile()
              + " is missing; run testenv/kube.sh up (or set STX_KUBE_REAL_NODE=0 to skip tests"
              + " that need it)");
    }
    RealNode node = RealNode.fromTestenv();
    try (KubernetesClient client = cluster.adminClient("default")) {
      Node found = client.nodes().withName(node.name()).get();
      boolean ready =
          found != null
              && found.getStatus() != null
              && found.getStatus().getConditions().stream()
                  .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
      if (!ready) {
        throw new ParameterResolutionException(
            "the testenv real node "
                + node.name()
                + (found == null ? " is not registered" : " is not Ready")
                + "; run testenv/kube.sh up (logs in the testenv kube/logs directory)");
      }
    }
    return node;
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
