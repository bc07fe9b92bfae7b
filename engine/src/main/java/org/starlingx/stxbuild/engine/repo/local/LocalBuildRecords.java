package org.starlingx.stxbuild.engine.repo.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.starlingx.stxbuild.engine.reuse.BuildRecord;
import org.starlingx.stxbuild.engine.reuse.BuildRecords;
import org.starlingx.stxbuild.engine.reuse.ReuseScope;

/**
 * Build records of the local repository: {@code records/<fingerprint>/<line>.json}, one per line
 * that built those inputs, beside the pool that holds the files they name.
 */
final class LocalBuildRecords implements BuildRecords {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path root;

  LocalBuildRecords(Path root) {
    this.root = root;
  }

  @Override
  public Optional<BuildRecord> find(
      String sourcePackage, String fingerprint, ReuseScope scope, String line, String project) {
    Path dir = root.resolve(fingerprint);
    Optional<BuildRecord> own = read(dir.resolve(line + ".json"));
    if (own.isPresent() || scope == ReuseScope.LINE || !Files.isDirectory(dir)) {
      return own.filter(r -> r.sourcePackage().equals(sourcePackage));
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".json"))
          .sorted(Comparator.comparing(Path::toString))
          .map(LocalBuildRecords::read)
          .flatMap(Optional::stream)
          .filter(r -> r.sourcePackage().equals(sourcePackage))
          .filter(r -> scope == ReuseScope.EVERYTHING || r.project().equals(project))
          .findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read build records in " + dir, e);
    }
  }

  @Override
  public void save(Collection<BuildRecord> records) {
    for (BuildRecord record : records) {
      Path file = root.resolve(record.fingerprint()).resolve(record.line() + ".json");
      try {
        Files.createDirectories(file.getParent());
        Path partial = Files.createTempFile(file.getParent(), ".record-", ".part");
        JSON.writeValue(partial.toFile(), record);
        Files.move(
            partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write build record " + file, e);
      }
    }
  }

  private static Optional<BuildRecord> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(file.toFile(), BuildRecord.class));
    } catch (IOException e) {
      throw new IllegalStateException(file + " is not a build record: " + e.getMessage(), e);
    }
  }
}
