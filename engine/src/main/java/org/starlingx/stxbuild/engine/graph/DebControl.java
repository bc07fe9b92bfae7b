package org.starlingx.stxbuild.engine.graph;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code debian/control}: the source paragraph (name, build dependencies) and the binary packages
 * it produces.
 *
 * @param source the source package name
 * @param buildDepends Build-Depends, Build-Depends-Indep and Build-Depends-Arch together
 * @param binaries the binary packages, with their architecture
 */
public record DebControl(String source, List<Relation> buildDepends, List<Binary> binaries) {
  /**
   * One binary package paragraph.
   *
   * @param depends its Depends and Pre-Depends: an in-tree build-dep installed for a build pulls
   *     these in too (StarlingX's dsc_depend.py follows them to order builds)
   */
  public record Binary(String name, String architecture, List<Relation> depends) {
    public Binary {
      depends = List.copyOf(depends);
    }

    public Binary(String name, String architecture) {
      this(name, architecture, List.of());
    }
  }

  public static DebControl read(Path file) {
    try {
      return parse(
          org.starlingx.stxbuild.engine.source.InputLimits.readString(
              file,
              org.starlingx.stxbuild.engine.source.InputLimits.CONTROL_BYTES,
              "debian/control file"),
          file.toString());
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException("cannot read " + file, e.getCause());
    }
  }

  public static DebControl parse(String text, String where) {
    List<Map<String, String>> paragraphs = Deb822.paragraphs(text, where);
    if (paragraphs.isEmpty() || !paragraphs.get(0).containsKey("source")) {
      throw new IllegalArgumentException(where + ": expected a first paragraph with 'Source:'");
    }
    Map<String, String> sourceParagraph = paragraphs.get(0);
    List<Relation> depends = buildDepends(sourceParagraph, where);
    List<Binary> binaries = new ArrayList<>();
    for (Map<String, String> paragraph : paragraphs.subList(1, paragraphs.size())) {
      String name = paragraph.get("package");
      if (name == null) {
        throw new IllegalArgumentException(where + ": a binary paragraph has no 'Package:'");
      }
      binaries.add(
          new Binary(
              name,
              paragraph.getOrDefault("architecture", "any"),
              runtimeDepends(paragraph, where)));
    }
    return new DebControl(
        sourceParagraph.get("source"), List.copyOf(depends), List.copyOf(binaries));
  }

  /** The files a {@code .dsc} lists with their sha256 (Checksums-Sha256). */
  public static java.util.Map<String, String> dscSha256(Path dsc) {
    String listing = dscFields(dsc).get("checksums-sha256");
    if (listing == null) {
      throw new IllegalArgumentException(dsc.getFileName() + " has no Checksums-Sha256");
    }
    return listedFiles(listing);
  }

  /** What a {@code .dsc} says of its source: name, build dependencies, binary packages. */
  public static DebControl fromDsc(Path dsc) {
    Map<String, String> fields = dscFields(dsc);
    List<Relation> depends = buildDepends(fields, dsc.toString());
    List<Binary> binaries = new ArrayList<>();
    for (String binary : fields.getOrDefault("binary", "").split(",")) {
      if (!binary.isBlank()) {
        binaries.add(new Binary(binary.strip(), fields.getOrDefault("architecture", "any")));
      }
    }
    return new DebControl(fields.get("source"), List.copyOf(depends), List.copyOf(binaries));
  }

  /** The file names a {@code .dsc} lists (Checksums-Sha256, or Files). */
  public static List<String> dscFiles(Path dsc) {
    Map<String, String> fields = dscFields(dsc);
    String listing = fields.getOrDefault("checksums-sha256", fields.get("files"));
    if (listing == null) {
      throw new IllegalArgumentException(dsc + ": lists no files");
    }
    return new ArrayList<>(listedFiles(listing).keySet());
  }

  /** The first paragraph of a {@code .dsc}, read within the control size limit. */
  private static Map<String, String> dscFields(Path dsc) {
    try {
      return Deb822.paragraphs(
              org.starlingx.stxbuild.engine.source.InputLimits.readString(
                  dsc, org.starlingx.stxbuild.engine.source.InputLimits.CONTROL_BYTES, ".dsc file"),
              dsc.toString())
          .get(0);
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException("cannot read " + dsc, e.getCause());
    }
  }

  /** Build-Depends, Build-Depends-Indep and Build-Depends-Arch of a source paragraph, together. */
  /**
   * Depends and Pre-Depends of a binary paragraph. Not a reason to refuse the package when
   * unparsable: they only add build-order edges, so such a paragraph keeps none (as before).
   */
  private static List<Relation> runtimeDepends(Map<String, String> paragraph, String where) {
    List<Relation> depends = new ArrayList<>();
    for (String field : List.of("pre-depends", "depends")) {
      String value = paragraph.get(field);
      if (value != null) {
        try {
          depends.addAll(Relation.parseList(value, where + ": " + field));
        } catch (IllegalArgumentException e) {
          return List.of();
        }
      }
    }
    return depends;
  }

  private static List<Relation> buildDepends(Map<String, String> paragraph, String where) {
    List<Relation> depends = new ArrayList<>();
    for (String field : List.of("build-depends", "build-depends-indep", "build-depends-arch")) {
      String value = paragraph.get(field);
      if (value != null) {
        depends.addAll(Relation.parseList(value, where + ": " + field));
      }
    }
    return depends;
  }

  /** File name to checksum of a Checksums-* or Files listing ("checksum size name" lines). */
  private static Map<String, String> listedFiles(String listing) {
    Map<String, String> files = new java.util.LinkedHashMap<>();
    for (String line : listing.split("\n")) {
      String[] parts = line.strip().split("\\s+");
      if (parts.length == 3) {
        files.put(parts[2], parts[0]);
      }
    }
    return files;
  }
}
