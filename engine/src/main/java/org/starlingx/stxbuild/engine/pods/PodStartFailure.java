package org.starlingx.stxbuild.engine.pods;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A pod whose container cannot start and will not by waiting: its image cannot be pulled (the
 * kubelet retries with a growing back-off for ever, the pod stays Pending), its name is invalid, or
 * its configuration refers to something missing. Whoever follows a build pod reports this at once
 * with the kubelet's reason and message instead of waiting for the build's timeout.
 *
 * @param container the container that cannot start
 * @param reason the kubelet's waiting reason, e.g. {@code ErrImagePull}
 * @param message the kubelet's message (names the image and the registry's answer)
 */
public record PodStartFailure(String container, String reason, String message) {
  private static final Set<String> HOPELESS =
      Set.of(
          "ErrImagePull",
          "ImagePullBackOff",
          "InvalidImageName",
          "ErrImageNeverPull",
          "CreateContainerConfigError",
          "CreateContainerError");

  /** The first container of {@code pod} (init containers first) that cannot start, if any. */
  public static Optional<PodStartFailure> of(Pod pod) {
    if (pod == null || pod.getStatus() == null) {
      return Optional.empty();
    }
    List<ContainerStatus> statuses = new ArrayList<>(pod.getStatus().getInitContainerStatuses());
    statuses.addAll(pod.getStatus().getContainerStatuses());
    for (ContainerStatus status : statuses) {
      var waiting = status.getState() == null ? null : status.getState().getWaiting();
      if (waiting != null && HOPELESS.contains(waiting.getReason())) {
        return Optional.of(
            new PodStartFailure(status.getName(), waiting.getReason(), waiting.getMessage()));
      }
    }
    return Optional.empty();
  }

  /** One line for the build's report: pod, container, reason and the kubelet's message. */
  public String describe(String podName) {
    return "pod "
        + podName
        + " cannot start container "
        + container
        + ": "
        + reason
        + (message == null || message.isBlank() ? "" : " (" + message.strip() + ")");
  }
}
