package org.starlingx.stxbuild.engine.repo.local;

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

/**
 * What one suite of the local repository holds, kept as JSON in {@code state/<suite>.json} so the
 * next build (another process) finds it.
 *
 * @param suite the suite's name under {@code dists/}
 * @param labels labels of the session or branch that wrote it
 * @param packages the packages, at most one per name, version and architecture
 */
record SuiteState(String suite, Map<String, String> labels, List<LocalPackage> packages) {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  SuiteState {
    labels = Map.copyOf(labels);
    packages = List.copyOf(packages);
  }

  static Path file(Path root, String suite) {
    return root.resolve("state").resolve(suite + ".json");
  }

  static Optional<SuiteState> read(Path root, String suite) {
    Path file = file(root, suite);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(file.toFile(), SuiteState.class));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read local repository state " + file, e);
    }
  }

  void write(Path root) {
    Path file = file(root, suite);
    try {
      Files.createDirectories(file.getParent());
      Path partial = Files.createTempFile(file.getParent(), ".state-", ".part");
      JSON.writeValue(partial.toFile(), this);
      Files.move(
          partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write local repository state " + file, e);
    }
  }
}
