package org.starlingx.stxbuild.engine.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.starlingx.stxbuild.engine.repo.SessionNames;

/**
 * Build records as JSON files in a directory: {@code <root>/<line>/<build id>.json}, one file per
 * build, never rewritten.
 */
public final class LocalBuildStatusStore implements BuildStatusStore {
  private final Path root;

  public LocalBuildStatusStore(Path root) {
    this.root = root;
  }

  @Override
  public void record(BuildRecord record) {
    Path file = root.resolve(record.line()).resolve(record.buildId() + ".json");
    try {
      Files.createDirectories(file.getParent());
      Path partial = Files.createTempFile(file.getParent(), ".record-", ".part");
      Files.write(partial, BuildRecordJson.write(record));
      try {
        // A hard link appears complete or not at all, and fails if the record exists: a record,
        // once written, is never overwritten (rename would silently replace it).
        Files.createLink(file, partial);
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (FileAlreadyExistsException e) {
      throw new IllegalStateException(
          "build " + record.buildId() + " of line " + record.line() + " is already recorded");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write build record " + file, e);
    }
  }

  @Override
  public List<BuildRecord> history(String line) {
    SessionNames.requireName(line, "build line");
    Path dir = root.resolve(line);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<BuildRecord> records = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
        records.add(BuildRecordJson.read(Files.readAllBytes(file), file.toString()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read build records in " + dir, e);
    }
    records.sort(CHRONOLOGICAL);
    return List.copyOf(records);
  }
}
