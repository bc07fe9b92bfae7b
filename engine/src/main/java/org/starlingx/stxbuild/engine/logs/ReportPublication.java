package org.starlingx.stxbuild.engine.logs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A build's logs and its report published together (the report's links point at the logs beside
 * it), so that the report opens from the repository service's content app wherever the build ran: a
 * build pod's disk is gone when the Jenkins build page links it.
 */
public final class ReportPublication {
  /** The report page's file name beside the logs. */
  public static final String REPORT = "report.html";

  private ReportPublication() {}

  /**
   * Where a directory's logs were published.
   *
   * @param index the logs' index page
   * @param report the report page, when the directory had one
   * @param logs how many {@code *.log} files were published
   */
  public record Published(URI index, Optional<URI> report, int logs) {
    /** The report when there is one, else the index. */
    public URI page() {
      return report.orElse(index);
    }
  }

  /** Publishes the {@code *.log} files of {@code directory} and its report, if any. */
  public static Published publish(LogExporter exporter, String session, Path directory) {
    Path report = directory.resolve(REPORT);
    boolean withReport = Files.isRegularFile(report);
    // A build whose packages were all reused has a report and no package log.
    List<StepLog> logs = new ArrayList<>(withReport ? listed(directory) : logsIn(directory));
    int logCount = logs.size();
    if (withReport) {
      logs.add(new StepLog(REPORT, report, "report"));
    }
    URI index = exporter.export(session, Map.of(), logs);
    return new Published(
        index.resolve("index.html"),
        withReport ? Optional.of(index.resolve(REPORT)) : Optional.empty(),
        logCount);
  }

  /** The {@code *.log} files of a directory, by name; refused when there are none. */
  public static List<StepLog> logsIn(Path directory) {
    List<StepLog> logs = listed(directory);
    if (logs.isEmpty()) {
      throw new IllegalArgumentException("log directory '" + directory + "' holds no *.log file");
    }
    return logs;
  }

  private static List<StepLog> listed(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException("log directory '" + directory + "' does not exist");
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(file -> file.getFileName().toString().endsWith(".log"))
          .sorted()
          .map(file -> new StepLog(file.getFileName().toString(), file, "recorded"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
  }
}
