package org.starlingx.stxbuild.engine.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.starlingx.stxbuild.engine.repo.AptSource;
import org.starlingx.stxbuild.engine.repo.FileDigests;

/**
 * Copies a released build to a second storage location (a directory, which may be a mount of
 * another machine or an object store), as an apt repository of its own, and verifies both copies by
 * sha256 against the release's own index.
 */
public final class ReleaseBackup {
  private final Path backupRoot;
  private final UrlFetcher fetcher = new UrlFetcher();

  public ReleaseBackup(Path backupRoot) {
    this.backupRoot = backupRoot.toAbsolutePath().normalize();
  }

  /** What a backup copied. */
  public record Copied(Path directory, int files, long bytes) {}

  /** A file whose copy does not have the sha256 the release's index lists. */
  public record Mismatch(String where, String path, String expected, String actual) {}

  /** Copies release {@code name} served at {@code source}; files already copied are kept. */
  public Copied backUp(String name, AptSource source) {
    Path target = releaseDirectory(name);
    AptIndex.Listing listing = new AptIndex(fetcher, scratch(target)).list(source);
    int files = 0;
    long bytes = 0;
    for (IndexedFile file : concat(listing.indexes(), listing.packages())) {
      Path copy = inside(target, file.path());
      if (!Files.exists(copy) || !FileDigests.of(copy).sha256().equals(file.sha256())) {
        fetcher.fetch(source.url().resolve(file.path()), copy);
        files++;
        bytes += file.size();
      }
    }
    return new Copied(target, files, bytes);
  }

  /**
   * Checks every package file of the release in both places, the primary and the backup, against
   * the sha256 the primary's index lists; returns what does not match (empty when all is well).
   */
  public List<Mismatch> verify(String name, AptSource primary) {
    Path target = releaseDirectory(name);
    Path scratch = scratch(target);
    AptIndex.Listing listing = new AptIndex(fetcher, scratch).list(primary);
    List<Mismatch> mismatches = new ArrayList<>();
    for (IndexedFile file : listing.packages()) {
      Path fetched = fetcher.fetch(primary.url().resolve(file.path()), scratch.resolve("primary"));
      compare("primary", file, fetched, mismatches);
      compare("backup", file, inside(target, file.path()), mismatches);
    }
    return mismatches;
  }

  private static void compare(
      String where, IndexedFile file, Path copy, List<Mismatch> mismatches) {
    String actual = Files.exists(copy) ? FileDigests.of(copy).sha256() : "missing";
    if (!actual.equals(file.sha256())) {
      mismatches.add(new Mismatch(where, file.path(), file.sha256(), actual));
    }
  }

  private Path releaseDirectory(String name) {
    org.starlingx.stxbuild.engine.repo.SessionNames.requireName(name, "release");
    return backupRoot.resolve(name);
  }

  private static Path inside(Path root, String relative) {
    Path path = root.resolve(relative).normalize();
    if (!path.startsWith(root)) {
      throw new IllegalArgumentException("index path '" + relative + "' leaves " + root);
    }
    return path;
  }

  private static Path scratch(Path target) {
    try {
      return Files.createDirectories(target.resolveSibling("." + target.getFileName() + ".work"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a work directory beside " + target, e);
    }
  }

  private static List<IndexedFile> concat(List<IndexedFile> first, List<IndexedFile> second) {
    List<IndexedFile> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
