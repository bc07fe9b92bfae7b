package org.starlingx.stxbuild.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.starlingx.stxbuild.engine.chroot.AptProxy;
import org.starlingx.stxbuild.engine.pods.BuildRole;
import org.starlingx.stxbuild.engine.pods.RoleSettings;
import org.starlingx.stxbuild.engine.workers.ClusterWorkers;
import picocli.CommandLine.Option;

/**
 * Where package pods run with {@code --on kubernetes}: the cluster (a kubeconfig, or the pod's own
 * service account when the command runs in a pod), how many pods at once, the pkgbuilder image and
 * how pods reach Pulp.
 */
final class ClusterOptions {
  enum Where {
    local,
    kubernetes
  }

  @Option(
      names = "--on",
      defaultValue = "local",
      description =
          "Where packages build: local (workers on this machine) or kubernetes (one transient"
              + " pkgbuilder pod per package; needs --pulp-url). Default: ${DEFAULT-VALUE}.")
  Where on;

  @Option(
      names = "--max-pods",
      defaultValue = "8",
      description = "With --on kubernetes: pods of this build at once (default: ${DEFAULT-VALUE}).")
  int maxPods;

  @Option(
      names = "--kubeconfig",
      description =
          "With --on kubernetes: the kubeconfig (default: $KUBECONFIG, ~/.kube/config, or the"
              + " in-cluster service account).")
  Path kubeconfig;

  @Option(
      names = "--pkgbuilder-image",
      description = "With --on kubernetes: the pkgbuilder image (default: the project's own).")
  String pkgbuilderImage;

  @Option(
      names = "--pod-pulp-url",
      description = "Pulp's API URL as pods reach it (default: --pulp-url).")
  URI podPulpUrl;

  @Option(
      names = "--pod-pulp-content-url",
      description = "Pulp's content URL as pods reach it (default: --pulp-content-url).")
  URI podPulpContentUrl;

  @Option(
      names = "--pod-apt-proxy",
      description =
          "With --on kubernetes: an HTTP proxy (http://host:port, e.g. an apt-cacher-ng) through"
              + " which apt in the pods fetches build-deps from the Debian mirror, for pods whose"
              + " network reaches no mirror. Not part of the build environment: results built with"
              + " and without it are the same and reused either way.")
  String podAptProxy;

  @Option(
      names = "--pod-yaml",
      description =
          "With --on kubernetes: a pod YAML fragment merged into every package pod (default: the"
              + " fragment in $"
              + POD_YAML_ENV
              + ", which Jenkins' stxBuildPackages sets).")
  Path podYaml;

  /** Package pod YAML handed over by the Jenkins plugin, whose configuration holds it as text. */
  static final String POD_YAML_ENV = "STX_PACKAGE_POD_YAML";

  boolean onKubernetes() {
    return on == Where.kubernetes;
  }

  KubernetesClient client() {
    return client(kubeconfig, "--kubeconfig");
  }

  /** A client from {@code kubeconfig} ({@code option} names it in errors), else the default. */
  static KubernetesClient client(Path kubeconfig, String option) {
    if (kubeconfig == null) {
      return new KubernetesClientBuilder().build();
    }
    if (!Files.isRegularFile(kubeconfig)) {
      throw new IllegalArgumentException(option + " " + kubeconfig + " is not a file");
    }
    try {
      return new KubernetesClientBuilder()
          .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig)))
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + option + " " + kubeconfig, e);
    }
  }

  ClusterWorkers.Settings settings(RepositoryOptions repository, Duration packageTimeout) {
    if (!repository.usesPulp()) {
      throw new IllegalArgumentException(
          "--on kubernetes needs --pulp-url: package pods take their sources and build-deps from"
              + " Pulp and put their results there (a local --repo is not reachable from pods)");
    }
    Map<BuildRole, RoleSettings> roles = new EnumMap<>(BuildRole.class);
    if (pkgbuilderImage != null) {
      roles.put(
          BuildRole.PKGBUILDER,
          RoleSettings.defaults(BuildRole.PKGBUILDER).withImage(pkgbuilderImage));
    }
    String overrideYaml = System.getenv(POD_YAML_ENV);
    if (overrideYaml != null && overrideYaml.isBlank()) {
      overrideYaml = null;
    }
    if (podYaml != null) {
      try {
        overrideYaml = Files.readString(podYaml);
      } catch (IOException e) {
        throw new IllegalArgumentException("--pod-yaml " + podYaml + " cannot be read");
      }
    }
    return new ClusterWorkers.Settings(
        maxPods,
        podPulpUrl != null ? podPulpUrl : repository.pulpUrl,
        podPulpContentUrl != null ? podPulpContentUrl : repository.contentUrl(),
        repository.contentUrl(),
        repository.pulpUser,
        roles,
        overrideYaml,
        packageTimeout,
        podAptProxy == null ? null : AptProxy.parse(podAptProxy, "--pod-apt-proxy"));
  }
}
