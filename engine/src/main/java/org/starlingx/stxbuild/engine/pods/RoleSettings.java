package org.starlingx.stxbuild.engine.pods;

import java.util.List;
import java.util.Map;

/**
 * What a cluster administrator configures per role: image, resources, placement and limits.
 *
 * @param image the container image
 * @param cpuRequest e.g. {@code 1}; {@code cpuLimit} e.g. {@code 4}
 * @param memoryRequest e.g. {@code 2Gi}; {@code memoryLimit} e.g. {@code 8Gi}
 * @param ephemeralStorage the workspace's size limit (an emptyDir: nothing is shared between pods)
 * @param nodeSelector where pods of this role may run
 * @param tolerations taints they tolerate, as {@code key=value:Effect} or {@code key:Effect}
 * @param serviceAccount the service account the pod runs as
 * @param activeDeadlineSeconds how long a pod may run before Kubernetes stops it
 */
public record RoleSettings(
    String image,
    String cpuRequest,
    String cpuLimit,
    String memoryRequest,
    String memoryLimit,
    String ephemeralStorage,
    Map<String, String> nodeSelector,
    List<String> tolerations,
    String serviceAccount,
    long activeDeadlineSeconds) {
  /**
   * The service account build pods run as: the Helm chart creates it, with no rights, in every
   * build namespace (build pods never call the Kubernetes API).
   */
  public static final String BUILD_POD_SERVICE_ACCOUNT = "stx-build-pods";

  public RoleSettings {
    if (image == null || image.isBlank()) {
      throw new IllegalArgumentException("role image is empty; expected an image reference");
    }
    if (activeDeadlineSeconds <= 0) {
      throw new IllegalArgumentException(
          "activeDeadlineSeconds is " + activeDeadlineSeconds + "; expected a positive number");
    }
    nodeSelector = nodeSelector == null ? Map.of() : Map.copyOf(nodeSelector);
    tolerations = tolerations == null ? List.of() : List.copyOf(tolerations);
  }

  public RoleSettings withImage(String newImage) {
    return new RoleSettings(
        newImage,
        cpuRequest,
        cpuLimit,
        memoryRequest,
        memoryLimit,
        ephemeralStorage,
        nodeSelector,
        tolerations,
        serviceAccount,
        activeDeadlineSeconds);
  }

  /** Defaults per role: sized like StarlingX's own builder containers. */
  public static RoleSettings defaults(BuildRole role) {
    return switch (role) {
      case BUILDER ->
          new RoleSettings(
              org.starlingx.stxbuild.engine.images.SelfImages.defaults().builder(),
              "1",
              "4",
              "2Gi",
              "8Gi",
              "50Gi",
              Map.of(),
              List.of(),
              BUILD_POD_SERVICE_ACCOUNT,
              6 * 3600);
      case PKGBUILDER ->
          new RoleSettings(
              org.starlingx.stxbuild.engine.images.SelfImages.defaults()
                  .pkgbuilder(org.starlingx.stxbuild.engine.images.SelfImages.DEFAULT_CODENAME),
              "2",
              "8",
              "4Gi",
              "16Gi",
              "80Gi",
              Map.of(),
              List.of(),
              BUILD_POD_SERVICE_ACCOUNT,
              4 * 3600);
      case LAT ->
          new RoleSettings(
              "docker.io/starlingx/stx-lat-tool:master-debian-latest",
              "2",
              "8",
              "8Gi",
              "32Gi",
              "200Gi",
              Map.of(),
              List.of(),
              BUILD_POD_SERVICE_ACCOUNT,
              4 * 3600);
      case IMAGE_BUILDER ->
          new RoleSettings(
              "ghcr.io/osscontainertools/kaniko:latest",
              "1",
              "4",
              "2Gi",
              "8Gi",
              "50Gi",
              Map.of(),
              List.of(),
              BUILD_POD_SERVICE_ACCOUNT,
              2 * 3600);
      case DOCKER_SYSBOX ->
          new RoleSettings(
              "docker.io/library/docker:27-dind",
              "1",
              "4",
              "2Gi",
              "8Gi",
              "50Gi",
              Map.of(),
              List.of(),
              BUILD_POD_SERVICE_ACCOUNT,
              2 * 3600);
    };
  }
}
