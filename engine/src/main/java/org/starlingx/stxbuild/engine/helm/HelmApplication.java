package org.starlingx.stxbuild.engine.helm;

import java.nio.file.Path;
import java.util.List;

/**
 * A StarlingX application tarball as built.
 *
 * @param name {@code app_name} (from the package's metadata.yaml, else the package name)
 * @param version {@code app_version}: the app package's version, with the label when one is given
 * @param tarball {@code <name>-<version>.tgz}
 * @param packages the packages its content came from, the app package first
 * @param charts the chart files under {@code charts/}
 */
public record HelmApplication(
    String name, String version, Path tarball, List<String> packages, List<String> charts) {
  public HelmApplication {
    packages = List.copyOf(packages);
    charts = List.copyOf(charts);
  }
}
