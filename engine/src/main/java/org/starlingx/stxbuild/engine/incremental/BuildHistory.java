package org.starlingx.stxbuild.engine.incremental;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.starlingx.stxbuild.engine.repo.SessionNames;

/**
 * The last good build of a line, package by package: the fingerprint of its inputs, the {@code
 * .deb} files it produced (name and sha256) and how long it took. A later build whose package
 * inputs hash the same reuses these outputs instead of building again.
 */
public final class BuildHistory {
  /**
   * One package of the last good build.
   *
   * @param build the build session that built it (null in histories written before it was kept)
   */
  public record Entry(String fingerprint, List<Deb> debs, long millis, String build) {
    public Entry(String fingerprint, List<Deb> debs, long millis) {
      this(fingerprint, debs, millis, null);
    }
  }

  /** One produced file. */
  public record Deb(String file, String sha256) {}

  /** The stored form: package name to entry. */
  record Stored(Map<String, Entry> packages) {}

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path file;
  private final Map<String, Entry> packages;

  private BuildHistory(Path file, Map<String, Entry> packages) {
    this.file = file;
    this.packages = packages;
  }

  /** The history of {@code line} under {@code root} (empty when the line never built). */
  public static BuildHistory open(Path root, String line) {
    SessionNames.requireName(line, "build line");
    Path file = root.resolve(line + ".json");
    if (!Files.isRegularFile(file)) {
      return new BuildHistory(file, new TreeMap<>());
    }
    try {
      return new BuildHistory(
          file, new TreeMap<>(JSON.readValue(file.toFile(), Stored.class).packages()));
    } catch (IOException e) {
      throw new IllegalStateException(file + " is not a build history: " + e.getMessage(), e);
    }
  }

  public Optional<Entry> lastGood(String sourcePackage) {
    return Optional.ofNullable(packages.get(sourcePackage));
  }

  /** Replaces the history with a new good build's packages. */
  public void replace(Map<String, Entry> newPackages) {
    packages.clear();
    packages.putAll(newPackages);
    try {
      Files.createDirectories(file.getParent());
      Path partial = Files.createTempFile(file.getParent(), ".history-", ".part");
      JSON.writeValue(partial.toFile(), new Stored(new TreeMap<>(packages)));
      Files.move(
          partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write build history " + file, e);
    }
  }
}
