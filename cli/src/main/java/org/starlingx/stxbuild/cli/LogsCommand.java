package org.starlingx.stxbuild.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.starlingx.stxbuild.engine.logs.LocalLogExporter;
import org.starlingx.stxbuild.engine.logs.LogExporter;
import org.starlingx.stxbuild.engine.logs.StepLog;
import org.starlingx.stxbuild.engine.repo.pulp.PulpLogExporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stx-build logs}: publishes a build's log files as plain files with an HTML index. */
@Command(
    name = "logs",
    mixinStandardHelpOptions = true,
    description = "Exports a build's *.log files as plain downloadable files with an HTML index.")
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
    List<StepLog> logs = logsIn(directory);
    LogExporter exporter =
        repository.usesPulp()
            ? new PulpLogExporter(repository.pulp(), directory.resolve(".export"))
            : new LocalLogExporter(repository.localRoot);
    URI index = exporter.export(session, Map.of(), logs);
    System.out.println("Exported " + logs.size() + " log(s): " + index);
    return 0;
  }

  private static List<StepLog> logsIn(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException("log directory '" + directory + "' does not exist");
    }
    try (Stream<Path> files = Files.list(directory)) {
      List<StepLog> logs =
          files
              .filter(file -> file.getFileName().toString().endsWith(".log"))
              .sorted()
              .map(file -> new StepLog(file.getFileName().toString(), file, "recorded"))
              .toList();
      if (logs.isEmpty()) {
        throw new IllegalArgumentException("log directory '" + directory + "' holds no *.log file");
      }
      return logs;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
  }
}
