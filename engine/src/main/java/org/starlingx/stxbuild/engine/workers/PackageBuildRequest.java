package org.starlingx.stxbuild.engine.workers;

import java.nio.file.Path;
import java.util.List;
import org.starlingx.stxbuild.engine.repo.AptSource;

/**
 * One package to build.
 *
 * @param name the source package
 * @param dsc its prepared source package (files beside it)
 * @param buildDepDebs the {@code .deb} files of its in-tree build-deps (local workers unpack them)
 * @param buildDepPackages the names of those binary packages (pods fetch them from the session)
 * @param aptSource the session's apt source (pods take build-deps from it)
 * @param log where the build's output goes
 * @param serial the package's {@code meta_data.yaml} says {@code serial: true}: one make job
 */
public record PackageBuildRequest(
    String name,
    Path dsc,
    List<Path> buildDepDebs,
    List<String> buildDepPackages,
    AptSource aptSource,
    Path log,
    boolean serial) {
  public PackageBuildRequest {
    buildDepDebs = List.copyOf(buildDepDebs);
    buildDepPackages = List.copyOf(buildDepPackages);
  }

  public PackageBuildRequest(
      String name,
      Path dsc,
      List<Path> buildDepDebs,
      List<String> buildDepPackages,
      AptSource aptSource,
      Path log) {
    this(name, dsc, buildDepDebs, buildDepPackages, aptSource, log, false);
  }

  /** A request for a local worker, which needs only the build-deps' files. */
  public PackageBuildRequest(
      String name, Path dsc, List<Path> buildDepDebs, AptSource aptSource, Path log) {
    this(name, dsc, buildDepDebs, List.of(), aptSource, log, false);
  }
}
