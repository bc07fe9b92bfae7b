package org.starlingx.stxbuild.engine.source;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A list-file entry the reader could not accept, in plain words.
 *
 * @param repository the repository, relative to the tree
 * @param dir the package directory as the list file names it
 * @param buildType the build type whose list names it
 * @param file the file at fault (list file or meta_data.yaml), relative to the tree
 * @param field the field at fault ({@code ""} when the file as a whole is)
 * @param reason what is wrong and what was expected
 * @param binaries the binary packages its packaging ({@code deb_folder/control}) names, where that
 *     file could still be read: a build-dep on one of them is a missing producer, not an external
 *     package
 */
public record RefusedEntry(
    String repository,
    String dir,
    String buildType,
    String file,
    String field,
    String reason,
    List<String> binaries) {
  public RefusedEntry {
    binaries = List.copyOf(binaries);
  }

  public RefusedEntry(
      String repository, String dir, String buildType, String file, String field, String reason) {
    this(repository, dir, buildType, file, field, reason, List.of());
  }

  /** The same refusal, knowing the binaries its packaging names. */
  public RefusedEntry withBinaries(List<String> names) {
    return new RefusedEntry(repository, dir, buildType, file, field, reason, names);
  }

  private static final Pattern LOCATED =
      Pattern.compile("^(/\\S*?): (?:field '([^']*)'[:]? ?)?(.*)$", Pattern.DOTALL);

  /** From a reader message of the form {@code <file>: field '<field>': <reason>}. */
  static RefusedEntry of(
      String repository,
      String dir,
      String buildType,
      java.nio.file.Path root,
      String fallbackFile,
      String message) {
    Matcher m = LOCATED.matcher(message);
    if (m.matches()) {
      String file = m.group(1);
      if (file.startsWith(root + "/")) {
        file = file.substring(root.toString().length() + 1);
      }
      return new RefusedEntry(
          repository,
          dir,
          buildType,
          file,
          m.group(2) == null ? "" : m.group(2),
          m.group(3).strip());
    }
    return new RefusedEntry(repository, dir, buildType, fallbackFile, "", message);
  }

  /** One line: where, which field, why. */
  public String message() {
    return repository
        + "/"
        + dir
        + ": "
        + file
        + (field.isEmpty() ? "" : ": field '" + field + "'")
        + ": "
        + reason;
  }
}
