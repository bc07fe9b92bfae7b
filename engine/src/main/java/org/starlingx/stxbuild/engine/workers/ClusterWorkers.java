package org.starlingx.stxbuild.engine.workers;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.starlingx.stxbuild.engine.chroot.AptProxy;
import org.starlingx.stxbuild.engine.chroot.ChrootBuildOptions;
import org.starlingx.stxbuild.engine.pods.BuildPodFactory;
import org.starlingx.stxbuild.engine.pods.BuildRole;
import org.starlingx.stxbuild.engine.pods.DryRunValidator;
import org.starlingx.stxbuild.engine.pods.PodOverrides;
import org.starlingx.stxbuild.engine.pods.PodStep;
import org.starlingx.stxbuild.engine.pods.RoleSettings;
import org.starlingx.stxbuild.engine.repo.AptSource;
import org.starlingx.stxbuild.engine.repo.SessionNames;
import org.starlingx.stxbuild.engine.repo.pulp.PulpSourcePublisher;
import org.starlingx.stxbuild.engine.schedule.AbortSignal;
import org.starlingx.stxbuild.engine.scope.ScopeNames;

/**
 * Spreads a build's packages over the cluster: one transient pkgbuilder pod per package, in the
 * build's namespace, carrying the build's names and labels. Opening it checks the namespace, stores
 * the Pulp password as a Secret of the build (pods read it from there; it is in no pod spec) and
 * sends a pod of the build to the API server as a dry run, so that a refusal (RBAC, quota,
 * admission) stops the build before any package starts. Closing it deletes every package pod and
 * the Secret of the build, which is also what an abort does, and then the sources the pods were
 * served.
 */
public final class ClusterWorkers implements AutoCloseable {
  /**
   * How the build's pods run.
   *
   * @param maxPods pods of this build at once
   * @param pulpApiForPods the Pulp API as pods reach it
   * @param pulpContentForPods the Pulp content app as pods reach it
   * @param pulpContentForCaller the content app as this process reaches it (source URLs are
   *     rewritten from it to {@code pulpContentForPods})
   * @param pulpUser the Pulp user pods log in as
   * @param roles per-role settings (image, resources, placement); missing roles use defaults
   * @param overrideYaml a pod YAML fragment merged into every package pod (may be null)
   * @param packageTimeout how long one package may run once its container started
   * @param aptProxyForPods the proxy pods reach the Debian mirror through, when their network
   *     reaches no mirror itself (may be null)
   */
  public record Settings(
      int maxPods,
      URI pulpApiForPods,
      URI pulpContentForPods,
      URI pulpContentForCaller,
      String pulpUser,
      Map<BuildRole, RoleSettings> roles,
      String overrideYaml,
      Duration packageTimeout,
      AptProxy aptProxyForPods) {
    public Settings {
      if (maxPods < 1) {
        throw new IllegalArgumentException("--max-pods is " + maxPods + "; expected at least 1");
      }
      roles = Map.copyOf(roles);
    }

    /** Pods reaching a Debian mirror themselves. */
    public Settings(
        int maxPods,
        URI pulpApiForPods,
        URI pulpContentForPods,
        URI pulpContentForCaller,
        String pulpUser,
        Map<BuildRole, RoleSettings> roles,
        String overrideYaml,
        Duration packageTimeout) {
      this(
          maxPods,
          pulpApiForPods,
          pulpContentForPods,
          pulpContentForCaller,
          pulpUser,
          roles,
          overrideYaml,
          packageTimeout,
          null);
    }
  }

  private final KubernetesClient client;
  private final ScopeNames names;
  private final KubernetesPodWorker worker;
  private final ForPods forPods;
  private final PulpSourcePublisher sources;
  private final SessionNames session;

  private ClusterWorkers(
      KubernetesClient client,
      ScopeNames names,
      KubernetesPodWorker worker,
      ForPods forPods,
      PulpSourcePublisher sources,
      SessionNames session) {
    this.client = client;
    this.names = names;
    this.worker = worker;
    this.forPods = forPods;
    this.sources = sources;
    this.session = session;
  }

  /** Prepares the build's namespace for its pods; throws with the server's words if refused. */
  public static ClusterWorkers open(
      KubernetesClient client,
      ScopeNames names,
      SessionNames session,
      PulpSourcePublisher sources,
      String pulpPassword,
      Settings settings,
      PodCreator creator,
      ChrootBuildOptions chroot) {
    String namespace = names.namespace();
    if (client.namespaces().withName(namespace).get() == null) {
      throw new IllegalArgumentException(
          "namespace '"
              + namespace
              + "' of this build does not exist in the cluster; expected it to be created by"
              + " the administrator or the chart (buildNamespaces) before builds run there");
    }
    BuildPodFactory pods = new BuildPodFactory(names, settings.roles());
    Secret password = passwordSecret(names, pulpPassword);
    PodRepositoryAccess access =
        new PodRepositoryAccess(
            session,
            settings.pulpApiForPods().toString(),
            settings.pulpContentForPods().toString(),
            settings.pulpUser(),
            password.getMetadata().getName());
    Pod probe =
        PodOverrides.merge(
            pods.pod(
                BuildRole.PKGBUILDER,
                new PodStep("pkg-dry-run", List.of("stx-build", "pkgbuild"), Map.of()),
                null),
            settings.overrideYaml());
    access.addPasswordFromSecret(probe);
    new DryRunValidator(client).requireAccepted(List.<HasMetadata>of(probe));
    client.resource(password).createOr(existing -> existing.update());
    // The URLs Pulp hands out start with its CONTENT_ORIGIN, which may be an address only this
    // side reaches (testenv's is loopback; a caller in the build's agent pod uses another one):
    // both that origin and the caller's content URL are rewritten to the pods' content URL.
    List<String> published = new java.util.ArrayList<>();
    published.add(withSlash(settings.pulpContentForCaller()));
    if (sources != null) {
      sources.contentOrigin().map(o -> withSlash(URI.create(o))).ifPresent(published::add);
    }
    ForPods forPods = new ForPods(published, withSlash(settings.pulpContentForPods()));
    PodCreator ownedCreator =
        AgentPodOwner.find(client, names)
            .<PodCreator>map(
                owner ->
                    (pod, abort) -> {
                      AgentPodOwner.own(pod, owner);
                      creator.create(pod, abort);
                    })
            .orElse(creator);
    KubernetesPodWorker worker =
        new KubernetesPodWorker(
            client,
            pods,
            access,
            request -> forPods.url(sources.publish(session, request.dsc()).toString()),
            settings.overrideYaml(),
            settings.packageTimeout(),
            ownedCreator);
    // Pods build in chroots of the same codename, mirror and options as local builds.
    worker.withChroot(chroot);
    if (settings.aptProxyForPods() != null) {
      worker.withAptProxy(settings.aptProxyForPods());
    }
    return new ClusterWorkers(client, names, worker, forPods, sources, session);
  }

  /**
   * The worker that builds one package in one pod (the scheduler runs several at once); the
   * session's apt source it hands a pod is the one pods reach.
   */
  public PackageWorker worker() {
    return new PackageWorker() {
      @Override
      public Result build(PackageBuildRequest request, String name, AbortSignal abort)
          throws InterruptedException {
        AptSource apt = request.aptSource();
        return worker.build(
            new PackageBuildRequest(
                request.name(),
                request.dsc(),
                request.buildDepDebs(),
                request.buildDepPackages(),
                apt == null
                    ? null
                    : new AptSource(
                        URI.create(forPods.url(apt.url().toString())),
                        apt.suite(),
                        apt.component(),
                        apt.signedBy()),
                request.log()),
            name,
            abort);
      }

      @Override
      public boolean remote() {
        return true;
      }

      @Override
      public String environment() {
        return worker.environment();
      }
    };
  }

  /** Pods may reach Pulp's content app at another address than this process or Pulp names. */
  record ForPods(List<String> published, String podContent) {
    String url(String url) {
      for (String prefix : published) {
        if (url.startsWith(prefix)) {
          return podContent + url.substring(prefix.length());
        }
      }
      return url;
    }
  }

  /**
   * Deletes every package pod and the Pulp password Secret of the build, then the sources the pods
   * were served. Not every object of the scope: under Jenkins' {@code stxBuild} the process runs in
   * the build's own agent pod, which carries the scope's labels too and must outlive this command.
   */
  @Override
  public void close() {
    client
        .pods()
        .inNamespace(names.namespace())
        .withLabels(names.selector())
        .withLabel(ScopeNames.ROLE_LABEL, BuildRole.PKGBUILDER.id())
        .withGracePeriod(0)
        .delete();
    client.secrets().inNamespace(names.namespace()).withName(passwordSecretName(names)).delete();
    try {
      if (sources != null) {
        sources.remove(session);
      }
    } catch (RuntimeException pulpUnreachable) {
      // The build's outcome stands: the repository carries the session role, so retention
      // removes it later.
    }
  }

  private static String passwordSecretName(ScopeNames names) {
    return names.objectName("pulp", "password");
  }

  private static Secret passwordSecret(ScopeNames names, String password) {
    return new SecretBuilder()
        .withNewMetadata()
        .withName(passwordSecretName(names))
        .withNamespace(names.namespace())
        .withLabels(names.labels())
        .endMetadata()
        .withType("Opaque")
        .withStringData(Map.of("password", password))
        .build();
  }

  private static String withSlash(URI uri) {
    String s = uri.toString();
    return s.endsWith("/") ? s : s + "/";
  }
}
