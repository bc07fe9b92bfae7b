package org.starlingx.stxbuild.engine.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.starlingx.stxbuild.engine.repo.AptSource;

/**
 * Reads what an apt source holds the way apt does: {@code Release}, then each {@code Packages}
 * index it lists, then each package's {@code Filename}, {@code Size} and {@code SHA256}.
 */
final class AptIndex {
  private final UrlFetcher fetcher;
  private final Path scratch;

  AptIndex(UrlFetcher fetcher, Path scratch) {
    this.fetcher = fetcher;
    this.scratch = scratch;
  }

  /** The package files of the source's suite, and the index files that describe them. */
  record Listing(List<IndexedFile> packages, List<IndexedFile> indexes) {}

  Listing list(AptSource source) {
    String dists = "dists/" + source.suite() + "/";
    Path release =
        fetcher.fetch(source.url().resolve(dists + "Release"), scratch.resolve("Release"));
    List<IndexedFile> indexes = new ArrayList<>();
    indexes.add(new IndexedFile(dists + "Release", size(release), digest(release)));
    Map<String, IndexedFile> packages = new LinkedHashMap<>();
    for (IndexedFile listed : sha256Section(read(release), dists)) {
      indexes.add(listed);
      if (!listed.path().endsWith("/Packages")) {
        continue;
      }
      Path index = fetcher.fetch(source.url().resolve(listed.path()), scratch.resolve("Packages"));
      for (Map<String, String> paragraph : paragraphs(read(index))) {
        IndexedFile file =
            new IndexedFile(
                required(paragraph, "Filename", listed.path()),
                Long.parseLong(required(paragraph, "Size", listed.path())),
                required(paragraph, "SHA256", listed.path()));
        packages.putIfAbsent(file.path(), file);
      }
    }
    return new Listing(List.copyOf(packages.values()), indexes);
  }

  /** The entries under {@code SHA256:} in a Release file, as paths from the repository root. */
  private static List<IndexedFile> sha256Section(String release, String dists) {
    List<IndexedFile> files = new ArrayList<>();
    boolean inSection = false;
    for (String line : release.split("\n")) {
      if (!line.startsWith(" ")) {
        inSection = line.startsWith("SHA256:");
        continue;
      }
      if (inSection) {
        String[] parts = line.strip().split("\\s+");
        if (parts.length == 3) {
          files.add(new IndexedFile(dists + parts[2], Long.parseLong(parts[1]), parts[0]));
        }
      }
    }
    return files;
  }

  private static List<Map<String, String>> paragraphs(String index) {
    List<Map<String, String>> paragraphs = new ArrayList<>();
    for (String block : index.split("\n\\s*\n")) {
      Map<String, String> fields = new LinkedHashMap<>();
      for (String line : block.split("\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && !Character.isWhitespace(line.charAt(0))) {
          fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
        }
      }
      if (!fields.isEmpty()) {
        paragraphs.add(fields);
      }
    }
    return paragraphs;
  }

  private static String required(Map<String, String> paragraph, String field, String index) {
    String value = paragraph.get(field);
    if (value == null) {
      throw new IllegalStateException(index + ": a package has no '" + field + "' field");
    }
    return value;
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String digest(Path file) {
    return org.starlingx.stxbuild.engine.repo.FileDigests.of(file).sha256();
  }
}
