package org.starlingx.stxbuild.engine.pods;

import java.util.List;
import java.util.Map;

/**
 * One piece of work for a pod: a step name (part of the pod's name) and the command it runs, as an
 * argument vector that no shell ever parses.
 *
 * @param step e.g. {@code download}, {@code pkg-python-cephclient}, {@code iso-std}
 * @param command the argv; empty runs the image's own entrypoint
 * @param env extra environment variables
 */
public record PodStep(String step, List<String> command, Map<String, String> env) {
  public PodStep {
    if (step == null || step.isBlank()) {
      throw new IllegalArgumentException("pod step name is empty; expected e.g. 'download'");
    }
    command = command == null ? List.of() : List.copyOf(command);
    env = env == null ? Map.of() : Map.copyOf(env);
  }

  public static PodStep of(String step, String... command) {
    return new PodStep(step, List.of(command), Map.of());
  }
}
