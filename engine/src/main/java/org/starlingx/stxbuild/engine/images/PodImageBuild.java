package org.starlingx.stxbuild.engine.images;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.dsl.PodResource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.starlingx.stxbuild.engine.pods.BuildPodFactory;
import org.starlingx.stxbuild.engine.pods.BuildRole;
import org.starlingx.stxbuild.engine.pods.ImageBuild;
import org.starlingx.stxbuild.engine.pods.PodStartFailure;
import org.starlingx.stxbuild.engine.pods.PodStep;
import org.starlingx.stxbuild.engine.schedule.AbortSignal;

/**
 * Builds one container image in a pod of the build's scope: the kaniko fork (daemonless) or a
 * docker build in a sysbox system container. Registry credentials become a dockerconfigjson Secret
 * labelled with the build's scope (so scope cleanup removes it), never part of a command line. The
 * pod is followed by a watch and removed afterwards, with the Secret.
 */
public final class PodImageBuild {
  /** How the build ended. */
  public record Result(boolean succeeded, String detail) {}

  /** Which builder runs the Dockerfile. */
  public enum Builder {
    KANIKO,
    SYSBOX
  }

  private final KubernetesClient client;
  private final BuildPodFactory pods;
  private final List<String> insecureRegistries;

  public PodImageBuild(KubernetesClient client, BuildPodFactory pods) {
    this(client, pods, List.of());
  }

  private PodImageBuild(
      KubernetesClient client, BuildPodFactory pods, List<String> insecureRegistries) {
    this.client = client;
    this.pods = pods;
    this.insecureRegistries = List.copyOf(insecureRegistries);
  }

  /** The same builds, reaching these registries ({@code host:port}) over plain HTTP. */
  public PodImageBuild withInsecureRegistries(List<String> registries) {
    return new PodImageBuild(client, pods, registries);
  }

  /**
   * Builds and pushes {@code destination}. {@code login} may be null when the registry needs none.
   */
  public Result run(
      String step,
      Builder builder,
      String context,
      String dockerfile,
      String destination,
      String cacheRepo,
      RegistryLogin login,
      Map<String, String> podAnnotations,
      Duration timeout,
      AbortSignal abort)
      throws InterruptedException {
    String secretName = login == null ? null : pods.names().objectName("registry", step);
    Pod pod =
        switch (builder) {
          case KANIKO ->
              pods.imageBuild(
                  step,
                  new ImageBuild(
                      context,
                      dockerfile,
                      destination,
                      cacheRepo,
                      secretName,
                      Map.of(),
                      insecureRegistries));
          case SYSBOX ->
              pods.pod(
                  BuildRole.DOCKER_SYSBOX,
                  new PodStep(
                      step,
                      List.of(
                          "sh",
                          "-c",
                          "docker build -f \"$STX_DOCKERFILE\" -t \"$STX_DESTINATION\" \"$STX_CONTEXT\" && docker push \"$STX_DESTINATION\""),
                      Map.of(
                          "STX_DOCKERFILE",
                          dockerfile,
                          "STX_DESTINATION",
                          destination,
                          "STX_CONTEXT",
                          context)),
                  null);
        };
    pod.getMetadata().getAnnotations().putAll(podAnnotations);
    PodResource resource =
        client
            .pods()
            .inNamespace(pod.getMetadata().getNamespace())
            .withName(pod.getMetadata().getName());
    try {
      // The same step after a controller restart: its pod may still run; follow it, do not
      // start a second build of the same image.
      if (resource.get() == null) {
        if (secretName != null) {
          client
              .resource(registrySecret(secretName, login))
              .createOr(existing -> existing.update());
        }
        client.resource(pod).create();
      }
      long deadline = System.nanoTime() + timeout.toNanos();
      while (true) {
        if (abort.aborted()) {
          return new Result(false, "aborted");
        }
        if (System.nanoTime() > deadline) {
          return new Result(false, "no result after " + timeout);
        }
        try {
          Pod ended =
              resource.waitUntilCondition(
                  p ->
                      p == null
                          || "Succeeded".equals(phase(p))
                          || "Failed".equals(phase(p))
                          || PodStartFailure.of(p).isPresent(),
                  1,
                  TimeUnit.SECONDS);
          if (ended == null) {
            return new Result(false, "the image build pod disappeared");
          }
          var cannotStart = PodStartFailure.of(ended);
          if (cannotStart.isPresent() && !"Failed".equals(phase(ended))) {
            return new Result(false, cannotStart.get().describe(ended.getMetadata().getName()));
          }
          return "Succeeded".equals(phase(ended))
              ? new Result(true, destination + " built in pod " + ended.getMetadata().getName())
              : new Result(
                  false, "pod " + ended.getMetadata().getName() + " failed" + reason(ended));
        } catch (KubernetesClientTimeoutException stillRunning) {
          // keep following it
        }
      }
    } finally {
      resource.withGracePeriod(0).delete();
      if (secretName != null) {
        client
            .secrets()
            .inNamespace(pod.getMetadata().getNamespace())
            .withName(secretName)
            .delete();
      }
    }
  }

  /** A kubernetes.io/dockerconfigjson Secret holding the login, with the scope's labels. */
  Secret registrySecret(String name, RegistryLogin login) {
    String config = login.dockerConfigJson();
    Map<String, String> labels = new LinkedHashMap<>(pods.names().labels());
    return new SecretBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(pods.names().namespace())
        .withLabels(labels)
        .endMetadata()
        .withType("kubernetes.io/dockerconfigjson")
        .addToData(
            ".dockerconfigjson",
            Base64.getEncoder().encodeToString(config.getBytes(StandardCharsets.UTF_8)))
        .build();
  }

  private static String phase(Pod pod) {
    return pod.getStatus() == null ? null : pod.getStatus().getPhase();
  }

  private static String reason(Pod pod) {
    return pod.getStatus().getContainerStatuses().stream()
        .filter(s -> s.getState() != null && s.getState().getTerminated() != null)
        .findFirst()
        .map(s -> ": exit " + s.getState().getTerminated().getExitCode())
        .orElse("");
  }
}
