package org.starlingx.stxbuild.engine.packagebuild;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * A build's summary line and where its report is, handed from the command that built to whoever
 * shows it (the Jenkins build page): a small properties file the command writes when {@value #ENV}
 * names one.
 *
 * @param summary for example {@code 9 built, 1 reused, 0 failed, 0 skipped in 42.0 s}
 * @param report the report's URL ({@code file:} when it stayed on the node)
 * @param succeeded whether every package was built or reused
 */
public record ReportLink(String summary, String report, boolean succeeded) {
  /** The environment variable naming the file a command writes its report link to. */
  public static final String ENV = "STX_REPORT_LINK";

  /** The file beside a report holding its link. */
  public static final String FILE = "report-link.properties";

  public void write(Path file) {
    Properties properties = new Properties();
    properties.setProperty("summary", summary);
    properties.setProperty("report", report);
    properties.setProperty("succeeded", Boolean.toString(succeeded));
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        properties.store(out, "stx-build report link");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report link " + file, e);
    }
  }

  /** Writes the link where {@value #ENV} says, if it says. */
  public void writeIfAsked() {
    String file = System.getenv(ENV);
    if (file != null && !file.isBlank()) {
      write(Path.of(file));
    }
  }

  /** The link in a file's text; empty when it lacks the summary or the report. */
  public static Optional<ReportLink> parse(String text) {
    Properties properties = new Properties();
    try (Reader in = new StringReader(text)) {
      properties.load(in);
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
    String summary = properties.getProperty("summary");
    String report = properties.getProperty("report");
    if (summary == null || report == null) {
      return Optional.empty();
    }
    return Optional.of(
        new ReportLink(
            summary, report, Boolean.parseBoolean(properties.getProperty("succeeded", "false"))));
  }
}
