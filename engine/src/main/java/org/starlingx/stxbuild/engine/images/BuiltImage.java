package org.starlingx.stxbuild.engine.images;

import java.util.List;

/**
 * An image as built: its manifest digest and its layers' digests, base layers first.
 *
 * @param tag the reference it was built as
 * @param manifestDigest {@code sha256:...} of the OCI manifest
 * @param layers {@code sha256:...} of each layer
 */
public record BuiltImage(String tag, String manifestDigest, List<String> layers) {
  public BuiltImage {
    layers = List.copyOf(layers);
  }
}
