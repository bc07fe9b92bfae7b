package org.starlingx.stxbuild.engine.scope;

/**
 * Who builds what: a user's build of a project's branch. Every name, label and path of the build is
 * derived from it (see {@link ScopeNames}), so builds of different scopes never meet.
 *
 * <p>Any text is accepted as long as it is not empty, not longer than {@value #MAX_LENGTH}
 * characters and free of control characters: names derived from it are sanitised and carry a hash
 * of the exact input, so {@code feature/ISO-123_rc}, {@code r/stx.10.0}, unicode and shell
 * metacharacters all work and never reach a shell or a path unescaped.
 *
 * @param user who started the build (a Jenkins user id, a login)
 * @param project the project built (a StarlingX manifest or repository set)
 * @param branch the branch built, as its VCS names it
 * @param buildId the build's id within its line, e.g. a Jenkins build number or a timestamp
 */
public record BuildScope(String user, String project, String branch, String buildId) {
  public static final int MAX_LENGTH = 1024;

  public BuildScope {
    check("user", user);
    check("project", project);
    check("branch", branch);
    check("build id", buildId);
  }

  /** The same user, project and branch: a later build of this line. */
  public BuildScope withBuildId(String newBuildId) {
    return new BuildScope(user, project, branch, newBuildId);
  }

  private static void check(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("build scope " + field + " is empty; expected some text");
    }
    if (value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "build scope "
              + field
              + " is "
              + value.length()
              + " characters long; expected at most "
              + MAX_LENGTH);
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new IllegalArgumentException(
            "build scope "
                + field
                + " contains control character U+"
                + String.format("%04X", (int) value.charAt(i))
                + " at position "
                + i
                + "; expected printable text");
      }
    }
  }
}
