package org.starlingx.stxbuild.engine.images;

import java.util.List;

/**
 * The names of the project's own images, in one place: {@code
 * stx-build-pkgbuilder:<version>-<codename>} (what a pkgbuilder pod runs: the JRE, {@code
 * stx-build}, mmdebstrap and the build chroot of its codename) and {@code
 * stx-build-builder:<version>} (the agent/tools image of the {@code stxBuild} pod). StarlingX's own
 * published images hold neither a JRE nor {@code stx-build}.
 *
 * @param registry where they are pushed and pulled, e.g. {@code registry.example.com/stx} (empty:
 *     names without a registry, as built locally)
 * @param version the project version, the first part of every tag
 */
public record SelfImages(String registry, String version) {
  /** The codenames packages build for, one pkgbuilder image each. */
  public static final List<String> CODENAMES = List.of("bullseye", "trixie");

  /** The codename pods build for unless told otherwise. */
  public static final String DEFAULT_CODENAME = "bullseye";

  public SelfImages {
    registry = registry == null ? "" : registry.replaceAll("/+$", "");
    if (version == null || !version.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,100}")) {
      throw new IllegalArgumentException(
          "image version '" + version + "' is not a valid tag; expected e.g. 0.1.0");
    }
    if (!registry.isEmpty() && !registry.matches("[a-z0-9.:/_-]+")) {
      throw new IllegalArgumentException(
          "registry '"
              + registry
              + "' is not usable in an image name; expected e.g."
              + " registry.example.com/stx");
    }
  }

  /** This build's version ({@code Implementation-Version} of the jar), else the development one. */
  public static String projectVersion() {
    String version = SelfImages.class.getPackage().getImplementationVersion();
    return version == null ? "0.1.0-SNAPSHOT" : version;
  }

  /** The defaults pods and the plugin name: this version, no registry. */
  public static SelfImages defaults() {
    return new SelfImages("", projectVersion());
  }

  public String pkgbuilder(String codename) {
    if (!codename.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException("codename '" + codename + "' is not a Debian codename");
    }
    return prefix() + "stx-build-pkgbuilder:" + version + "-" + codename;
  }

  public String builder() {
    return prefix() + "stx-build-builder:" + version;
  }

  private String prefix() {
    return registry.isEmpty() ? "" : registry + "/";
  }
}
