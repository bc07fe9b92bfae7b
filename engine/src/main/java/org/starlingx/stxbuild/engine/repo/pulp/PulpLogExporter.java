package org.starlingx.stxbuild.engine.repo.pulp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.starlingx.stxbuild.engine.logs.LogExporter;
import org.starlingx.stxbuild.engine.logs.LogIndexPage;
import org.starlingx.stxbuild.engine.logs.StepLog;

/**
 * Exports a build's logs into Pulp as file content: repository {@code stx-logs-<session>}, served
 * at {@code stx/logs/<session>/}, labelled {@code stx.role=log} so retention removes it with the
 * build.
 */
public final class PulpLogExporter implements LogExporter {
  /** Uploads at once: more than Pulp's workers keep busy gains nothing. */
  private static final int PARALLEL_UPLOADS = 4;

  private final PulpClient pulp;
  private final Path scratch;

  /** {@code scratch} holds the index page while it is uploaded. */
  public PulpLogExporter(PulpClient pulp, Path scratch) {
    this.pulp = pulp;
    this.scratch = scratch;
  }

  @Override
  public URI export(String session, Map<String, String> labels, List<StepLog> logs) {
    Map<String, String> logLabels = new HashMap<>(labels);
    logLabels.put(PulpPackageRepository.ROLE, "log");
    logLabels.put("stx.session", session);
    String name = "stx-logs-" + session;
    PulpRepositories repositories = pulp.files().repositories();
    PulpRepository repository =
        repositories.find(name).orElseGet(() -> repositories.create(name, logLabels));

    List<String> content = contentOf(session, logs);
    repositories.modify(repository.href(), content, List.of(), null);

    String publication = pulp.files().publishLatest(repository.href());
    return repositories
        .serve(name, "stx/logs/" + session, publication, logLabels)
        .baseUrl()
        .resolve("index.html");
  }

  /**
   * The logs and their index as file content. Each file is a Pulp task; Pulp's workers run them
   * side by side, so a build's dozens of logs take a few tasks' time instead of all of theirs.
   */
  private List<String> contentOf(String session, List<StepLog> logs) {
    Map<String, Path> files = new LinkedHashMap<>();
    logs.forEach(log -> files.put(log.name(), log.file()));
    files.put("index.html", indexPage(session, logs));
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL_UPLOADS, files.size()));
    try {
      List<Future<String>> made = new ArrayList<>();
      files.forEach(
          (relativePath, file) ->
              made.add(pool.submit(() -> pulp.files().ensureContent(relativePath, file))));
      List<String> content = new ArrayList<>();
      for (Future<String> one : made) {
        content.add(one.get());
      }
      return content;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PulpException("interrupted while exporting the logs of " + session, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new PulpException("cannot export the logs of " + session, e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private Path indexPage(String session, List<StepLog> logs) {
    try {
      Files.createDirectories(scratch);
      Path index = Files.createTempFile(scratch, "index-", ".html");
      Files.writeString(
          index, LogIndexPage.render("Logs of " + session, logs), StandardCharsets.UTF_8);
      return index;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the log index in " + scratch, e);
    }
  }
}
