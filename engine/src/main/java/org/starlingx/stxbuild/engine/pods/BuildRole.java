package org.starlingx.stxbuild.engine.pods;

/** The kinds of pods a build runs; each has its own image, resources and security settings. */
public enum BuildRole {
  /** The StarlingX build tools (repo, downloader, build-pkgs driver). */
  BUILDER("builder"),
  /** Builds Debian packages: one transient pod per package. */
  PKGBUILDER("pkgbuilder"),
  /** The Linux Assembly Tool: builds the ISO image. */
  LAT("lat"),
  /** Daemonless container image builds (kaniko, maintained fork). */
  IMAGE_BUILDER("image-builder"),
  /** Builds that need a Docker daemon, run in a system container on the sysbox runtime. */
  DOCKER_SYSBOX("docker-sysbox");

  private final String id;

  BuildRole(String id) {
    this.id = id;
  }

  /** The role's name in labels, object names and configuration. */
  public String id() {
    return id;
  }
}
