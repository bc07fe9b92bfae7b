package org.starlingx.stxbuild.engine.images;

/**
 * Image references as StarlingX's build-stx-images.sh names them: {@code
 * <registry>/<org>/<LABEL>:<prefix>-<os>-<stream>-<version>} and {@code ...-latest}.
 *
 * @param registry for example {@code registry.example:5000}; empty for none
 * @param org the registry organisation, for example {@code starlingx}
 * @param prefix usually the branch, for example {@code master}
 * @param os {@code debian}
 * @param stream {@code stable} or {@code dev}
 * @param version usually the build's timestamp
 */
public record ImageTags(
    String registry, String org, String prefix, String os, String stream, String version) {
  public String versioned(String label) {
    return repository(label) + ":" + prefix + "-" + os + "-" + stream + "-" + version;
  }

  public String latest(String label) {
    return repository(label) + ":" + prefix + "-" + os + "-" + stream + "-latest";
  }

  /** The base image, as the old pipeline tags it: {@code stx-<os>:<prefix>-<stream>-<version>}. */
  public String base() {
    return repository("stx-" + os) + ":" + prefix + "-" + stream + "-" + version;
  }

  /** The image record file StarlingX writes: {@code images-<os>-<stream>-versioned.lst}. */
  public String recordFileName() {
    return "images-" + os + "-" + stream + "-versioned.lst";
  }

  private String repository(String label) {
    String path = org.isEmpty() ? label : org + "/" + label;
    return registry.isEmpty() ? path : registry + "/" + path;
  }
}
