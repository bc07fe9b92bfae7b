package org.starlingx.build.engine.workers;

import java.nio.file.Path;
import java.util.List;
import org.starlingx.build.engine.repo.AptSource;

/**
 * One package to build.
 *
 * @param name the source package
 * @param dsc its prepared source package (files beside it)
 * @param buildDepDebs the {@code .deb} files of its in-tree build-deps (local workers unpack them)
 * @param aptSource the session's apt source (Kubernetes workers install build-deps from it)
 * @param log where the build's output goes
 */
public record PackageBuildRequest(
    String name, Path dsc, List<Path> buildDepDebs, AptSource aptSource, Path log) {
  public PackageBuildRequest {
    buildDepDebs = List.copyOf(buildDepDebs);
  }
}
