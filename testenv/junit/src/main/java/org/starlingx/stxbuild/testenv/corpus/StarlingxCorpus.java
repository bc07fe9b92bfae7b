package org.starlingx.stxbuild.testenv.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The pinned StarlingX corpus ({@code ../shared/starlingx-corpus}: real repositories as git bundles
 * and StarlingX's own build tools in {@code root.tar.gz}), unpacked into StarlingX's layout for
 * tests: {@code <root>/cgcs-root/stx/<repo>} cloned from the bundles (full history, the revision
 * counters count commits), {@code <root>/cgcs-root/build-tools} from root.tar.gz, and an empty
 * {@code <root>/.repo} (StarlingX's discovery finds repositories below a repo checkout).
 *
 * <p>Found at the system property {@code stx.corpus}, else {@code $STX_CORPUS}, else {@code
 * ../shared/starlingx-corpus} beside the project (or beside one of its parent directories). Where
 * it is absent, tests skip with a loud line. The unpacked tree is made once and reused ({@code
 * target/starlingx-corpus} of the project).
 */
public final class StarlingxCorpus {
  /** The repositories the corpus holds as bundles. */
  public static final List<String> REPOSITORIES = List.of("integ", "utilities", "fault", "update");

  private StarlingxCorpus() {}

  /** The corpus directory, if this machine has it. */
  public static Optional<Path> location() {
    String configured = System.getProperty("stx.corpus", System.getenv("STX_CORPUS"));
    if (configured != null && !configured.isBlank()) {
      Path path = Path.of(configured);
      return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
    }
    // ../shared beside the project; a worktree further down finds it further up
    for (Path dir = projectRoot().getParent(); dir != null; dir = dir.getParent()) {
      Path beside = dir.resolve("shared/starlingx-corpus");
      if (Files.isDirectory(beside)) {
        return Optional.of(beside);
      }
    }
    return Optional.empty();
  }

  /** The corpus directory, or the test is skipped with a loud line saying why. */
  public static Path locationOrSkip() {
    Optional<Path> location = location();
    if (location.isEmpty()) {
      String message =
          "SKIPPED: the StarlingX corpus is absent (expected ../shared/starlingx-corpus beside "
              + projectRoot()
              + ", or -Dstx.corpus / $STX_CORPUS); corpus tests did not run";
      System.err.println("**** " + message + " ****");
      Assumptions.abort(message);
    }
    return location.get();
  }

  /**
   * A StarlingX root with every corpus repository under cgcs-root/stx and the reference build tools
   * under cgcs-root/build-tools; made on first use, then reused.
   */
  public static synchronized Path treeOrSkip() {
    Path corpus = locationOrSkip();
    Path root = projectRoot().resolve("target/starlingx-corpus/root");
    Path done = root.resolve(".unpacked");
    if (Files.isRegularFile(done)) {
      return root;
    }
    try {
      deleteTree(root);
      Path stx = Files.createDirectories(root.resolve("cgcs-root/stx"));
      Files.createDirectories(root.resolve(".repo"));
      for (String repository : REPOSITORIES) {
        run(
            root,
            "git",
            "clone",
            "--quiet",
            corpus.resolve(repository + ".bundle").toString(),
            stx.resolve(repository).toString());
      }
      Path unpack = Files.createDirectories(root.resolve("unpack"));
      run(unpack, "tar", "-xzf", corpus.resolve("root.tar.gz").toString());
      Files.move(unpack.resolve("root/build-tools"), root.resolve("cgcs-root/build-tools"));
      deleteTree(unpack);
      Files.writeString(done, corpus.toString());
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack the StarlingX corpus into " + root, e);
    }
  }

  /** StarlingX's own build-tools/stx (the reference reader). */
  public static Path referenceTools() {
    return treeOrSkip().resolve("cgcs-root/build-tools/stx");
  }

  /** The directory holding the project's mvnw. */
  public static Path projectRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("engine"))) {
        return dir;
      }
    }
    return Path.of("").toAbsolutePath();
  }

  private static void run(Path dir, String... argv) throws IOException {
    Process process =
        new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IOException(String.join(" ", argv) + " failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + String.join(" ", argv), e);
    }
  }

  private static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    List<Path> all = new ArrayList<>();
    try (var walk = Files.walk(path)) {
      walk.forEach(all::add);
    }
    for (int i = all.size() - 1; i >= 0; i--) {
      Files.deleteIfExists(all.get(i));
    }
  }
}
