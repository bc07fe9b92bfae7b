package org.starlingx.stxbuild.engine.repo;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What one build's repository session and its branch are called, derived from the build's scope.
 *
 * @param branch the branch's name in the repository service (shared by every build of the branch)
 * @param session this build's name in the repository service
 * @param labels labels put on everything the session creates, so it can be found and removed
 */
public record SessionNames(String branch, String session, Map<String, String> labels) {
  /** Lower-case, digits, {@code - . _}: valid as a Pulp name, a base path segment and a suite. */
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,199}");

  /** Label keys both Pulp and a local repository accept. */
  private static final Pattern LABEL_KEY = Pattern.compile("[A-Za-z0-9_.-]{1,63}");

  public SessionNames {
    requireName(branch, "branch");
    requireName(session, "session");
    if (branch.equals(session)) {
      throw new IllegalArgumentException(
          "session name must differ from branch name '" + branch + "'");
    }
    labels = Map.copyOf(Objects.requireNonNull(labels, "labels"));
    labels.forEach(
        (key, value) -> {
          if (!LABEL_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException(
                "invalid label key '" + key + "': expected letters, digits, '_', '.' or '-'");
          }
        });
  }

  /** Checks a name used in repository names and paths: branch, session or release. */
  public static void requireName(String value, String what) {
    if (value == null || !NAME.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "invalid repository "
              + what
              + " name '"
              + value
              + "': expected 1 to 200 lower-case letters, digits, '.', '_' or '-'");
    }
  }
}
