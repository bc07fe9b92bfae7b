package org.starlingx.stxbuild.engine.images;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One image to build: a Dockerfile in a build context, and where the result goes.
 *
 * @param context the build context directory
 * @param dockerfile the Dockerfile, relative to the context
 * @param tag the image reference to give the result, for example {@code stx/builder:10.0}
 * @param buildArgs {@code --build-arg} values
 */
public record ImageBuildRequest(
    Path context, String dockerfile, String tag, Map<String, String> buildArgs) {
  /** A Docker reference: lower-case name components, an optional tag. */
  private static final Pattern REFERENCE =
      Pattern.compile(
          "[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(/[a-z0-9]+([._-][a-z0-9]+)*)*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?");

  public ImageBuildRequest {
    Objects.requireNonNull(context, "build context");
    if (dockerfile == null
        || dockerfile.isBlank()
        || dockerfile.startsWith("/")
        || dockerfile.contains("..")) {
      throw new IllegalArgumentException(
          "dockerfile '"
              + dockerfile
              + "': expected a path inside the build context, such as Dockerfile");
    }
    if (tag == null || !REFERENCE.matcher(tag).matches()) {
      throw new IllegalArgumentException(
          "image tag '"
              + tag
              + "': expected a reference such as registry.example:5000/stx/builder:10.0");
    }
    buildArgs = Map.copyOf(buildArgs);
  }
}
