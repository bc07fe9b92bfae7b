package org.starlingx.stxbuild.engine.repo;

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
  /**
   * Reads a one-line sources.list entry as {@link #sourcesListLine} writes it: {@code deb
   * [trusted=yes] URL suite component} or {@code deb [signed-by=FILE] URL suite component}.
   */
  public static AptSource parse(String line) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "deb\\s+(?:\\[([^\\]]*)\\]\\s+)?(\\S+)\\s+(\\S+)\\s+(\\S+)\\s*")
            .matcher(line == null ? "" : line.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "apt source '"
              + line
              + "' is not usable; expected 'deb [trusted=yes] URL suite component'");
    }
    String options = m.group(1) == null ? "" : m.group(1);
    java.util.regex.Matcher signed =
        java.util.regex.Pattern.compile("signed-by=(\\S+)").matcher(options);
    return new AptSource(
        URI.create(m.group(2)),
        m.group(3),
        m.group(4),
        signed.find() ? Path.of(signed.group(1)) : null);
  }

  public String sourcesListLine() {
    String options = signedBy == null ? "[trusted=yes]" : "[signed-by=" + signedBy + "]";
    return "deb " + options + " " + url + " " + suite + " " + component;
  }
}
