package org.starlingx.stxbuild.engine.pods;

import java.util.Map;

/**
 * A container image build in a pod.
 *
 * @param context where the build context comes from: an {@code https://} URL of a tar.gz in the
 *     repository service, or a {@code git://} URL (kaniko's context forms)
 * @param dockerfile the Dockerfile's path inside the context
 * @param destination the image reference to push
 * @param cacheRepo a registry repository for the layer cache; null disables the cache
 * @param registrySecret a Secret of type {@code kubernetes.io/dockerconfigjson} with the push
 *     credentials; null when the registry needs none
 * @param buildArgs {@code --build-arg} values
 * @param insecureRegistries registries ({@code host:port}) reached over plain HTTP, for the base
 *     image and the push (kaniko's {@code --insecure-registry}); an in-cluster registry often is
 */
public record ImageBuild(
    String context,
    String dockerfile,
    String destination,
    String cacheRepo,
    String registrySecret,
    Map<String, String> buildArgs,
    java.util.List<String> insecureRegistries) {
  /** A build whose registries all speak HTTPS. */
  public ImageBuild(
      String context,
      String dockerfile,
      String destination,
      String cacheRepo,
      String registrySecret,
      Map<String, String> buildArgs) {
    this(context, dockerfile, destination, cacheRepo, registrySecret, buildArgs, null);
  }

  public ImageBuild {
    require(context, "context", "an https:// or git:// build context URL");
    // No http://: the kaniko executor refuses it ("unknown build context prefix").
    if (!context.startsWith("https://") && !context.startsWith("git://")) {
      throw new IllegalArgumentException(
          "image build context '"
              + context
              + "' is not usable; expected an https:// or git:// URL (kaniko takes no http://)");
    }
    require(dockerfile, "dockerfile", "the Dockerfile's path in the context");
    require(destination, "destination", "an image reference such as registry/stx/builder:tag");
    buildArgs = buildArgs == null ? Map.of() : Map.copyOf(buildArgs);
    insecureRegistries =
        insecureRegistries == null
            ? java.util.List.of()
            : java.util.List.copyOf(insecureRegistries);
  }

  private static void require(String value, String field, String expected) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "image build " + field + " is empty; expected " + expected);
    }
  }
}
