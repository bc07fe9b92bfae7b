package org.starlingx.stxbuild.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.starlingx.stxbuild.engine.logs.LocalLogExporter;
import org.starlingx.stxbuild.engine.logs.LogExporter;
import org.starlingx.stxbuild.engine.logs.ReportPublication;
import org.starlingx.stxbuild.engine.packagebuild.ReportLink;
import org.starlingx.stxbuild.engine.repo.pulp.PulpLogExporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stx-build logs}: publishes a build's log files as plain files with an HTML index. */
@Command(
    name = "logs",
    mixinStandardHelpOptions = true,
    description = {
      "Exports a build's *.log files as plain downloadable files with an HTML index.",
      "A package build's report.html in the directory goes with them (its links point at the logs"
          + " beside it)."
    })
final class LogsCommand implements Callable<Integer> {
  @Mixin RepositoryOptions repository;

  @Option(
      names = "--session",
      required = true,
      description = "The build session the logs belong to.")
  String session;

  @Parameters(paramLabel = "DIR", description = "Directory holding the step logs (*.log).")
  Path directory;

  @Override
  public Integer call() {
    // A directory without any *.log is refused, also when it holds a report.
    ReportPublication.logsIn(directory);
    LogExporter exporter =
        repository.usesPulp()
            ? new PulpLogExporter(repository.pulp(), directory.resolve(".export"))
            : new LocalLogExporter(repository.localRoot);
    ReportPublication.Published published = ReportPublication.publish(exporter, session, directory);
    System.out.println("Exported " + published.logs() + " log(s): " + published.index());
    published
        .report()
        .ifPresent(
            report -> {
              System.out.println("report: " + report);
              // the build page links the published report instead of the one left on the node
              readLink(directory.resolve(ReportLink.FILE))
                  .map(link -> new ReportLink(link.summary(), report.toString(), link.succeeded()))
                  .ifPresent(ReportLink::writeIfAsked);
            });
    return 0;
  }

  private static java.util.Optional<ReportLink> readLink(Path file) {
    try {
      return Files.isRegularFile(file)
          ? ReportLink.parse(Files.readString(file))
          : java.util.Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
