package org.starlingx.stxbuild.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.starlingx.stxbuild.engine.retention.RetentionPolicy;
import org.starlingx.stxbuild.engine.retention.RetentionReport;
import org.starlingx.stxbuild.engine.retention.RetentionSweeper;
import org.starlingx.stxbuild.engine.retention.StoredItem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stx-build retention}: removes builds older than the retention period. */
@Command(
    name = "retention",
    mixinStandardHelpOptions = true,
    description = {
      "Removes what builds older than the retention period left in the repository.",
      "Released builds, mirrors and each branch's last good build are never removed."
    })
final class RetentionCommand implements Callable<Integer> {
  @Mixin RepositoryOptions repository;

  @Option(
      names = "--days",
      defaultValue = "14",
      description = "Retention period in days (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--dry-run", description = "Print what would be removed; change nothing.")
  boolean dryRun;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    RetentionSweeper sweeper = new RetentionSweeper(RetentionPolicy.days(days), Clock.systemUTC());
    RetentionReport report = sweeper.sweep(repository.retentionStore(), dryRun);
    String verb = dryRun ? "would remove" : "removed";
    out.printf("Retention of %d days on %s%n", days, repository.where());
    for (StoredItem item : report.removed()) {
      out.printf("  %s %s %s (created %s)%n", verb, item.kind(), item.id(), item.created());
    }
    out.printf(
        "%s %d item(s), kept %d%s%n",
        dryRun ? "Dry run: would remove" : "Removed",
        report.removed().size(),
        report.kept().size(),
        dryRun ? "; nothing was changed" : "");
    if (!report.content().keep().isEmpty() || !report.content().remove().isEmpty()) {
      out.printf(
          "Packages: %s %d that no kept build refers to; kept %d that kept builds refer to%n",
          verb, report.content().remove().size(), report.content().keep().size());
    }
    return 0;
  }
}
