package org.starlingx.stxbuild.cli;

import java.util.concurrent.Callable;
import org.starlingx.stxbuild.engine.source.DownloadStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stx-build download}: fills the mirror with everything a tree needs. */
@Command(
    name = "download",
    mixinStandardHelpOptions = true,
    description = {
      "Fills the download mirror with every 3rd-party file the tree's packages need, each checked"
          + " against the checksum in its meta_data.yaml. Files already mirrored are not fetched again.",
      "Exit 0 when every file is mirrored, 1 when any failed (each failure is listed)."
    })
final class DownloadCommand implements Callable<Integer> {
  @Mixin TreeOptions tree;
  @Mixin RepositoryOptions repository;

  @Option(names = "--dry-run", description = "List what would be fetched; fetch nothing.")
  boolean dryRun;

  @Override
  public Integer call() {
    if (tree.printRefusals() > 0) {
      return 1;
    }
    DownloadStep step = new DownloadStep(dryRun ? null : tree.fetcher(repository));
    if (dryRun) {
      var needs = DownloadStep.needs(tree.open(), tree.codename(), tree.buildTypes);
      needs.forEach(n -> System.out.println("would ensure " + n.fileName() + " from " + n.url()));
      System.out.println("dry run: " + needs.size() + " files needed, nothing fetched");
      return 0;
    }
    DownloadStep.Report report =
        step.run(
            tree.open(),
            tree.codename(),
            tree.buildTypes,
            item ->
                System.out.println(
                    (item.failed()
                            ? "FAILED  "
                            : String.format(
                                "%-8s", item.outcome().replace("already_mirrored", "mirrored")))
                        + " "
                        + item.download().fileName()
                        + (item.failed() ? ": " + item.error() : "")));
    System.out.printf(
        "%d files: %d fetched, %d already mirrored, %d failed (%s)%n",
        report.items().size(),
        report.count("fetched"),
        report.count("already_mirrored"),
        report.failures().size(),
        repository.usesPulp() ? repository.where() : tree.mirror.toAbsolutePath());
    return report.failures().isEmpty() ? 0 : 1;
  }
}
