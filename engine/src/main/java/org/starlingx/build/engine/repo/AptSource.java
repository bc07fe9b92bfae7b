package org.starlingx.build.engine.repo;

import java.net.URI;
import java.nio.file.Path;

/**
 * An apt repository a builder can use for build-deps: {@code deb [options] url suite component}.
 *
 * @param signedBy the keyring that verifies its signed Release file, or null when it is unsigned
 *     and to be trusted as is
 */
public record AptSource(URI url, String suite, String component, Path signedBy) {

  /** An unsigned source, trusted because it is our own. */
  public static AptSource trusted(URI url, String suite, String component) {
    return new AptSource(url, suite, component, null);
  }

  /** The line for {@code sources.list}. */
  public String sourcesListLine() {
    String options = signedBy == null ? "[trusted=yes]" : "[signed-by=" + signedBy + "]";
    return "deb " + options + " " + url + " " + suite + " " + component;
  }
}
