package org.starlingx.stxbuild.engine.pods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.starlingx.stxbuild.engine.scope.BuildScope;
import org.starlingx.stxbuild.engine.scope.NamespaceStrategy;
import org.starlingx.stxbuild.engine.scope.NamingPolicy;
import org.starlingx.stxbuild.engine.scope.ScopeNames;
import org.starlingx.stxbuild.testenv.kube.KubeClusterExtension;
import org.starlingx.stxbuild.testenv.kube.TestNamespace;

/** The pods of many builds on the real API server: all accepted, none clash, cleanup is scoped. */
@ExtendWith(KubeClusterExtension.class)
class BuildPodsIT {
  private static final List<String> USERS = List.of("alice", "Bob.Smith", "jürgen", "ops-bot");
  private static final List<String> PROJECTS = List.of("starlingx", "stx flock", "integ");
  private static final List<String> BRANCHES =
      List.of("master", "r/stx.10.0", "feature/ISO-123_rc", "r-stx-10-0", "x".repeat(300));

  /** 20 scopes across users, projects and branches, including branches that sanitise alike. */
  private static List<BuildScope> twentyScopes() {
    List<BuildScope> scopes = new ArrayList<>();
    for (int i = 0; scopes.size() < 20; i++) {
      scopes.add(
          new BuildScope(
              USERS.get(i % USERS.size()),
              PROJECTS.get(i % PROJECTS.size()),
              BRANCHES.get(i % BRANCHES.size()),
              "$(id);" + (i / 7)));
    }
    assertThat(new HashSet<>(scopes)).hasSize(20);
    return scopes;
  }

  private static List<Pod> podsOf(ScopeNames names) {
    BuildPodFactory factory = new BuildPodFactory(names, Map.of());
    List<Pod> pods = new ArrayList<>();
    for (BuildRole role : BuildRole.values()) {
      if (role != BuildRole.IMAGE_BUILDER) {
        pods.add(factory.pod(role, PodStep.of("main", "true"), "deb http://pulp/ default all"));
      }
    }
    pods.add(
        factory.imageBuild(
            "stx-builder",
            new ImageBuild(
                "https://pulp.example/contexts/builder.tar.gz",
                "Dockerfile",
                "registry.example/stx/builder:1",
                "registry.example/stx/cache",
                "registry-push",
                Map.of())));
    return pods;
  }

  /** What the Helm chart creates in every build namespace: the account build pods run as. */
  static void buildPodAccount(KubernetesClient client, String namespace) {
    client
        .serviceAccounts()
        .inNamespace(namespace)
        .resource(
            new ServiceAccountBuilder()
                .withNewMetadata()
                .withName(RoleSettings.BUILD_POD_SERVICE_ACCOUNT)
                .endMetadata()
                .build())
        .create();
  }

  @Test
  void twentyConcurrentScopesAreAcceptedNeverClashAndCleanUpAlone(
      KubernetesClient client, TestNamespace namespace) throws Exception {
    NamingPolicy policy = new NamingPolicy(NamespaceStrategy.SHARED, namespace.name(), "stx-");
    buildPodAccount(client, namespace.name());
    List<ScopeNames> scopes = twentyScopes().stream().map(s -> new ScopeNames(s, policy)).toList();

    DryRunValidator validator = new DryRunValidator(client);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<String>>> created = new ArrayList<>();
      for (ScopeNames names : scopes) {
        created.add(
            pool.submit(
                () -> {
                  List<Pod> pods = podsOf(names);
                  validator.requireAccepted(pods);
                  List<String> podNames = new ArrayList<>();
                  for (Pod pod : pods) {
                    podNames.add(client.resource(pod).create().getMetadata().getName());
                  }
                  return podNames;
                }));
      }
      Set<String> allNames = new HashSet<>();
      for (Future<List<String>> future : created) {
        allNames.addAll(future.get());
      }
      assertThat(allNames).hasSize(20 * 5);
    } finally {
      pool.shutdownNow();
    }
    assertThat(client.pods().list().getItems()).hasSize(100);

    ScopeCleanup cleanup = new ScopeCleanup(client);
    assertThat(cleanup.list(scopes.get(0))).hasSize(5);
    assertThat(cleanup.delete(scopes.get(0))).isEqualTo(5);

    assertThat(cleanup.list(scopes.get(0))).isEmpty();
    for (ScopeNames other : scopes.subList(1, 20)) {
      assertThat(cleanup.list(other)).as("pods of %s", other.scope()).hasSize(5);
    }
  }

  @Test
  void aStepJobRunsOnAKwokNodeAndRemovesItselfAfterItsTtl(
      KubernetesClient client, TestNamespace namespace) {
    buildPodAccount(client, namespace.name());
    ScopeNames names =
        new ScopeNames(
            new BuildScope("alice", "stx", "master", "9"),
            new NamingPolicy(NamespaceStrategy.SHARED, namespace.name(), "stx-"));
    BuildPodFactory factory = new BuildPodFactory(names, Map.of());
    Job job =
        factory.job(factory.pod(BuildRole.BUILDER, PodStep.of("download", "downloader"), null), 2);

    client.resource(job).create();

    String name = job.getMetadata().getName();
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> client.batch().v1().jobs().withName(name).get() == null);
    assertThat(new ScopeCleanup(client).list(names)).as("the Job and its pod are gone").isEmpty();
  }

  @Test
  void aRefusedObjectStopsTheBuildWithTheServersMessage(
      KubernetesClient client, TestNamespace namespace) {
    buildPodAccount(client, namespace.name());
    ScopeNames names =
        new ScopeNames(
            new BuildScope("alice", "stx", "master", "1"),
            new NamingPolicy(NamespaceStrategy.SHARED, namespace.name(), "stx-"));
    Pod generated =
        new BuildPodFactory(names, Map.of())
            .pod(BuildRole.PKGBUILDER, PodStep.of("a", "true"), null);
    Pod tooSmall =
        PodOverrides.merge(
            generated,
            "spec: {containers: [{name: pkgbuilder, resources: {limits: {memory: 1Mi}}}]}");

    assertThatThrownBy(() -> new DryRunValidator(client).requireAccepted(List.of(tooSmall)))
        .isInstanceOf(BuildObjectsRefusedException.class)
        .hasMessageContaining("Pod " + generated.getMetadata().getName() + " (HTTP 422)")
        .hasMessageContaining("must be less than or equal to memory limit");
    assertThat(client.pods().list().getItems()).as("a dry run stores nothing").isEmpty();
  }

  @Test
  void perUserAndPerProjectNamespacesAreRealNamespaces(KubernetesClient client) {
    String prefix = "it" + UUID.randomUUID().toString().substring(0, 6) + "-";
    List<String> created = new ArrayList<>();
    try {
      for (NamespaceStrategy strategy :
          List.of(NamespaceStrategy.PER_USER, NamespaceStrategy.PER_PROJECT)) {
        for (BuildScope scope : twentyScopes().subList(0, 4)) {
          ScopeNames names = new ScopeNames(scope, new NamingPolicy(strategy, "unused", prefix));
          if (!created.contains(names.namespace())) {
            client
                .namespaces()
                .resource(
                    new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(names.namespace())
                        .endMetadata()
                        .build())
                .create();
            created.add(names.namespace());
            buildPodAccount(client, names.namespace());
          }
          List<HasMetadata> pods = new ArrayList<>(podsOf(names));
          assertThat(new DryRunValidator(client).check(pods)).isEmpty();
        }
      }
      assertThat(created).allSatisfy(n -> assertThat(n).startsWith(prefix));
    } finally {
      created.forEach(n -> client.namespaces().withName(n).delete());
    }
  }
}
