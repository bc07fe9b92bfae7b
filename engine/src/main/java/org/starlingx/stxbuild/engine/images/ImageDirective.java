package org.starlingx.stxbuild.engine.images;

import java.nio.file.Path;
import java.util.Map;

/**
 * One StarlingX image directives file ({@code <name>.<stream>_docker_image}).
 *
 * @param file where it is
 * @param values its assignments: {@code BUILDER}, {@code LABEL}, {@code PROJECT}, {@code
 *     DOCKER_CONTEXT}, {@code DOCKER_FILE}, {@code DOCKER_REPO}, ...
 */
public record ImageDirective(Path file, Map<String, String> values) {
  public ImageDirective {
    values = Map.copyOf(values);
    // Fields are assigned after this body: check the parameter, not the accessors.
    if (values.getOrDefault("LABEL", "").isEmpty()) {
      throw new IllegalArgumentException(file + ": LABEL is not set; expected the image name");
    }
    String builder = values.getOrDefault("BUILDER", "");
    if (!builder.equals("docker") && !builder.equals("loci") && !builder.equals("script")) {
      throw new IllegalArgumentException(
          file + ": BUILDER '" + builder + "' is not supported; expected docker, loci or script");
    }
  }

  public String label() {
    return values.getOrDefault("LABEL", "");
  }

  /** {@code docker} (a Dockerfile), {@code loci} (OpenStack's loci) or {@code script}. */
  public String builder() {
    return values.getOrDefault("BUILDER", "");
  }

  public String project() {
    return values.getOrDefault("PROJECT", "");
  }

  public String value(String name) {
    return values.getOrDefault(name, "");
  }

  /**
   * The build context of a {@code docker} image in the tree: {@code DOCKER_CONTEXT} (default {@code
   * docker}) beside the directives file; null when it comes from {@code DOCKER_REPO}.
   */
  public Path context() {
    if (!value("DOCKER_REPO").isEmpty()) {
      return null;
    }
    String context = value("DOCKER_CONTEXT").isEmpty() ? "docker" : value("DOCKER_CONTEXT");
    return file.getParent().resolve(context).normalize();
  }

  /** The Dockerfile relative to the context ({@code DOCKER_FILE} is relative to this file). */
  public String dockerfile() {
    Path context = context();
    if (context == null || value("DOCKER_FILE").isEmpty()) {
      return "Dockerfile";
    }
    return context
        .relativize(file.getParent().resolve(value("DOCKER_FILE")).normalize())
        .toString();
  }
}
