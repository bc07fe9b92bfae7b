package org.starlingx.stxbuild.engine.logs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/** Exports logs into {@code <root>/logs/<session>/} beside the local repository. */
public final class LocalLogExporter implements LogExporter {
  private final Path root;

  public LocalLogExporter(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public URI export(String session, Map<String, String> labels, List<StepLog> logs) {
    Path dir = root.resolve("logs").resolve(session).normalize();
    if (!dir.startsWith(root.resolve("logs"))) {
      throw new IllegalArgumentException(
          "session name '" + session + "' leaves the logs directory");
    }
    try {
      Files.createDirectories(dir);
      for (StepLog log : logs) {
        Files.copy(log.file(), dir.resolve(log.name()), StandardCopyOption.REPLACE_EXISTING);
      }
      Path index = dir.resolve("index.html");
      Files.writeString(
          index, LogIndexPage.render("Logs of " + session, logs), StandardCharsets.UTF_8);
      return index.toUri();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot export logs to " + dir, e);
    }
  }
}
