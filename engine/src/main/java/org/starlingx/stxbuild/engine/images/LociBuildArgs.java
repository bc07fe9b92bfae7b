package org.starlingx.stxbuild.engine.images;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code --build-arg}s StarlingX's build-stx-images.sh gives OpenStack's loci for a {@code
 * BUILDER=loci} image: the directive's values under loci's names, the base image as {@code FROM},
 * the wheels tarball as {@code WHEELS}. Empty values are left out, as the script leaves them out.
 */
public final class LociBuildArgs {
  /**
   * Directive variable to loci build argument, where the names differ or are passed as they are.
   */
  private static final Map<String, String> PASSED;

  static {
    Map<String, String> passed = new LinkedHashMap<>();
    passed.put("PROJECT_REF", "PROJECT_REF");
    passed.put("PROJECT_UID", "UID");
    passed.put("PROJECT_GID", "GID");
    passed.put("PIP_PACKAGES", "PIP_PACKAGES");
    passed.put("UPGRADE_PIP_PACKAGES", "UPGRADE_PIP_PACKAGES");
    passed.put("DIST_PACKAGES", "DIST_PACKAGES");
    passed.put("PROFILES", "PROFILES");
    passed.put("PYTHON3", "PYTHON3");
    passed.put("SPICE_REPO", "SPICE_REPO");
    passed.put("SPICE_REF", "SPICE_REF");
    passed.put("DIST_REPOS", "DIST_REPOS");
    passed.put("NON_UNIQUE_SYSTEM_ACCOUNT", "NON_UNIQUE_SYSTEM_ACCOUNT");
    passed.put("UPDATE_SYSTEM_ACCOUNT", "UPDATE_SYSTEM_ACCOUNT");
    PASSED = Map.copyOf(passed);
  }

  private LociBuildArgs() {}

  /**
   * @param base the base image reference (loci's {@code FROM})
   * @param wheels the wheels tarball loci installs from (a path in the context or a URL); null for
   *     none
   */
  public static Map<String, String> of(ImageDirective directive, String base, String wheels) {
    if (directive.project().isEmpty()) {
      throw new IllegalArgumentException(
          directive.file() + ": PROJECT is not set; a loci image needs the OpenStack project");
    }
    Map<String, String> args = new LinkedHashMap<>();
    args.put("PROJECT", directive.project());
    args.put(
        "PROJECT_REPO",
        directive.value("PROJECT_REPO").isEmpty()
            ? "https://opendev.org/openstack/" + directive.project() + ".git"
            : directive.value("PROJECT_REPO"));
    args.put("FROM", base);
    if (wheels != null && !wheels.isBlank()) {
      args.put("WHEELS", wheels);
    }
    PASSED.forEach(
        (variable, arg) -> {
          if (!directive.value(variable).isEmpty()) {
            args.put(arg, directive.value(variable));
          }
        });
    return args;
  }
}
