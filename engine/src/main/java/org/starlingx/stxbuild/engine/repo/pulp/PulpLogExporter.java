package org.starlingx.stxbuild.engine.repo.pulp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.starlingx.stxbuild.engine.logs.LogExporter;
import org.starlingx.stxbuild.engine.logs.LogIndexPage;
import org.starlingx.stxbuild.engine.logs.StepLog;
import org.starlingx.stxbuild.engine.repo.FileDigests;

/**
 * Exports a build's logs into Pulp as file content: repository {@code stx-logs-<session>}, served
 * at {@code stx/logs/<session>/}, labelled {@code stx.role=log} so retention removes it with the
 * build.
 */
public final class PulpLogExporter implements LogExporter {
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

    List<String> content = new ArrayList<>();
    for (StepLog log : logs) {
      content.add(fileContent(log.name(), log.file()));
    }
    content.add(fileContent("index.html", indexPage(session, logs)));
    repositories.modify(repository.href(), content, List.of(), null);

    String publication = pulp.files().publishLatest(repository.href());
    PulpDistribution distribution =
        repositories
            .findDistribution(name)
            .map(
                existing -> {
                  repositories.updateDistribution(existing.href(), publication);
                  return existing;
                })
            .orElseGet(
                () ->
                    repositories.createDistribution(
                        name, "stx/logs/" + session, publication, logLabels));
    return distribution.baseUrl().resolve("index.html");
  }

  private String fileContent(String relativePath, Path file) {
    String sha256 = FileDigests.of(file).sha256();
    return pulp.files()
        .find(relativePath, sha256)
        .orElseGet(
            () -> pulp.files().create(relativePath, pulp.artifacts().ensure(file, sha256).href()));
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
