package org.starlingx.stxbuild.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.starlingx.stxbuild.engine.repo.AptSource;
import org.starlingx.stxbuild.engine.repo.PackageRepository;
import org.starlingx.stxbuild.engine.repo.RepoSession;
import org.starlingx.stxbuild.engine.repo.SessionNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stx-build publish}: makes a branch's last good build a release, kept forever. */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    description = {
      "Promotes a branch's last good build to a release: served under its own name, labelled",
      "released, never removed by retention."
    })
final class PublishCommand implements Callable<Integer> {
  @Mixin RepositoryOptions repository;

  @Option(
      names = "--branch",
      required = true,
      description = "Branch whose last good build to release.")
  String branch;

  @Option(names = "--release", required = true, description = "Release name, for example stx-10.0.")
  String release;

  @Override
  public Integer call() {
    PackageRepository packages = repository.packageRepository();
    if (packages.branchSource(branch).isEmpty()) {
      throw new IllegalArgumentException(
          "branch '" + branch + "' has no good build in " + repository.where() + " to release");
    }
    SessionNames names = new SessionNames(branch, branch + "-release-" + release, Map.of());
    try (RepoSession session = packages.openSession(names)) {
      session.promoteRelease(release);
    }
    AptSource source = packages.releaseSource(release).orElseThrow();
    System.out.println("Released " + branch + " as " + release + ":");
    System.out.println("  " + source.sourcesListLine());
    return 0;
  }
}
