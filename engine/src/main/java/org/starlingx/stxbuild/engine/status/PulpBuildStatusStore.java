package org.starlingx.stxbuild.engine.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.starlingx.stxbuild.engine.repo.SessionNames;
import org.starlingx.stxbuild.engine.repo.pulp.PulpClient;
import org.starlingx.stxbuild.engine.repo.pulp.PulpDistribution;
import org.starlingx.stxbuild.engine.repo.pulp.PulpPackageRepository;
import org.starlingx.stxbuild.engine.repo.pulp.PulpRepositories;
import org.starlingx.stxbuild.engine.repo.pulp.PulpRepository;

/**
 * Build records in Pulp as file content: one file repository per line, {@code stx-status-<line>},
 * labelled {@code stx.role=status} (retention never removes it), served at {@code
 * stx/status/<line>/} so a person or a later build on any node reads the records without cluster
 * access.
 */
public final class PulpBuildStatusStore implements BuildStatusStore {
  private static final String MANIFEST = "PULP_MANIFEST";

  private final PulpClient pulp;
  private final Path scratch;

  /** {@code scratch} holds records while they are uploaded or read. */
  public PulpBuildStatusStore(PulpClient pulp, Path scratch) {
    this.pulp = pulp;
    this.scratch = scratch;
  }

  @Override
  public synchronized void record(BuildRecord record) {
    PulpRepositories repositories = pulp.files().repositories();
    String name = repositoryName(record.line());
    Map<String, String> labels =
        Map.of(PulpPackageRepository.ROLE, "status", "stx.line", record.line());
    PulpRepository repository =
        repositories.find(name).orElseGet(() -> repositories.create(name, labels));
    String relativePath = record.buildId() + ".json";
    if (repository.latestVersionHref() != null
        && !pulp.files().inVersion(repository.latestVersionHref(), relativePath).isEmpty()) {
      throw new IllegalStateException(
          "build " + record.buildId() + " of line " + record.line() + " is already recorded");
    }
    Path file = writeScratch(record);
    try {
      String content = pulp.files().ensureContent(relativePath, file);
      repositories.modify(repository.href(), List.of(content), List.of(), null);
      String publication = pulp.files().publishLatest(repository.href());
      repositories.serve(name, "stx/status/" + record.line(), publication, labels);
    } finally {
      deleteQuietly(file);
    }
  }

  @Override
  public List<BuildRecord> history(String line) {
    SessionNames.requireName(line, "build line");
    Optional<PulpDistribution> distribution =
        pulp.files().repositories().findDistribution(repositoryName(line));
    if (distribution.isEmpty()) {
      return List.of();
    }
    URI base = distribution.get().baseUrl();
    List<BuildRecord> records = new ArrayList<>();
    for (String relativePath : manifestPaths(base.resolve(MANIFEST))) {
      URI url = base.resolve(relativePath);
      records.add(BuildRecordJson.read(download(url), url.toString()));
    }
    records.sort(CHRONOLOGICAL);
    return List.copyOf(records);
  }

  /** The relative paths a file publication lists in its manifest (CSV: path,sha256,size). */
  private List<String> manifestPaths(URI manifest) {
    String text = new String(download(manifest), StandardCharsets.UTF_8);
    List<String> paths = new ArrayList<>();
    for (String row : text.split("\n")) {
      int comma = row.indexOf(',');
      if (comma > 0 && row.substring(0, comma).endsWith(".json")) {
        paths.add(row.substring(0, comma));
      }
    }
    return paths;
  }

  private byte[] download(URI url) {
    try {
      Files.createDirectories(scratch);
      Path target = Files.createTempFile(scratch, "status-", ".json");
      try {
        return Files.readAllBytes(pulp.download(url, target));
      } finally {
        deleteQuietly(target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read build records from " + url, e);
    }
  }

  private Path writeScratch(BuildRecord record) {
    try {
      Files.createDirectories(scratch);
      Path file = Files.createTempFile(scratch, "record-", ".json");
      Files.write(file, BuildRecordJson.write(record));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stage build record " + record.buildId(), e);
    }
  }

  private static String repositoryName(String line) {
    return "stx-status-" + line;
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // scratch only
    }
  }
}
