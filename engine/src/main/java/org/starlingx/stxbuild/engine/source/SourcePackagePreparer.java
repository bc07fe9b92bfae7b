package org.starlingx.stxbuild.engine.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.starlingx.stxbuild.engine.exec.CommandRunner;
import org.starlingx.stxbuild.engine.files.FileTrees;
import org.starlingx.stxbuild.engine.files.SafeArchiveExtractor;
import org.starlingx.stxbuild.engine.graph.DebControl;

/**
 * Turns a package recipe into a real Debian source package with {@code dpkg-source -b}: in-tree
 * sources or the verified upstream tarball, the packaging from {@code deb_folder}, the tree's
 * patches as a quilt series, and a changelog entry for the metadata's version.
 */
public final class SourcePackagePreparer {
  /** Reproducible tarballs: sorted names, fixed times and owners, gzip without a timestamp. */
  private static final List<String> REPRODUCIBLE_TAR =
      List.of(
          "--sort=name",
          "--mtime=@0",
          "--owner=0",
          "--group=0",
          "--numeric-owner",
          "--use-compress-program=gzip -n");

  private final SourceFetcher fetcher;

  public SourcePackagePreparer(SourceFetcher fetcher) {
    this.fetcher = fetcher;
  }

  /** Prepares the source package in {@code outDir} (created; one package per directory). */
  public PreparedSource prepare(PackageRecipe recipe, Path outDir) {
    if (recipe.kind() == RecipeKind.UPSTREAM_DSC) {
      return prepareUpstream(recipe, outDir);
    }
    try {
      Files.createDirectories(outDir);
      DebControl control = DebControl.read(recipe.debFolder().resolve("control"));
      String name = recipe.meta().debname() != null ? recipe.meta().debname() : control.source();
      String version = recipe.meta().debver().strip();
      String upstream = upstreamVersion(version);
      boolean nativePackage = !version.contains("-");
      Path work = outDir.resolve(name + "-" + upstream);
      FileTrees.delete(work);
      Files.createDirectories(work);

      switch (recipe.kind()) {
        case IN_TREE ->
            FileTrees.copy(recipe.dir().resolve(recipe.meta().srcPath()).normalize(), work);
        case TARBALL -> {
          Path tarball =
              fetcher.fetch(recipe.downloads().get(0).download(), outDir.resolve("downloads"));
          // Never as tar would as root: no owners, devices or setuid bits, nothing outside work.
          SafeArchiveExtractor.extract(tarball, work, 1);
          if (!nativePackage) {
            Files.copy(
                tarball,
                outDir.resolve(name + "_" + upstream + ".orig" + tarExtension(tarball)),
                StandardCopyOption.REPLACE_EXISTING);
          }
        }
        default -> throw new IllegalStateException(recipe.kind().toString());
      }
      for (SourceDownload extra :
          recipe
              .downloads()
              .subList(recipe.kind() == RecipeKind.TARBALL ? 1 : 0, recipe.downloads().size())) {
        fetcher.fetch(extra.download(), work);
      }
      for (String file : recipe.meta().srcFiles()) {
        Path source = recipe.dir().resolve(file).normalize();
        Path target = work.resolve(source.getFileName().toString());
        if (Files.isDirectory(source)) {
          FileTrees.copy(source, target);
        } else {
          Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      FileTrees.delete(work.resolve("debian"));
      if (!nativePackage && recipe.kind() == RecipeKind.IN_TREE) {
        CommandRunner.run(
            outDir, tarCommand(outDir.resolve(name + "_" + upstream + ".orig.tar.gz"), work));
      }
      FileTrees.copy(recipe.debFolder(), work.resolve("debian"));
      writeFormat(work, nativePackage);
      addPatches(recipe, work);
      writeChangelog(
          work.resolve("debian").resolve("changelog"), name, version, recipe.relativeDir());

      CommandRunner.run(
          outDir,
          List.of("dpkg-source", "-b", work.getFileName().toString()),
          Map.of("LC_ALL", "C.UTF-8", "SOURCE_DATE_EPOCH", "0"));
      Path dsc = outDir.resolve(name + "_" + withoutEpoch(version) + ".dsc");
      if (!Files.isRegularFile(dsc)) {
        throw new SourceLayoutException(
            "dpkg-source made no " + dsc.getFileName() + " for " + recipe.relativeDir());
      }
      List<Path> files = new ArrayList<>(List.of(dsc));
      for (String listed : DebControl.dscFiles(dsc)) {
        files.add(outDir.resolve(listed));
      }
      return new PreparedSource(recipe, name, version, dsc, files);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + recipe.relativeDir() + " in " + outDir, e);
    }
  }

  /**
   * Fetches the upstream {@code .dsc} named by {@code archive} and {@code debver}, and every file
   * it lists, each checked against the {@code .dsc}'s own sha256 (and the {@code .dsc} against
   * {@code dsc_sha256sum} when the metadata pins it). Returns the local {@code .dsc}.
   */
  public Path fetchUpstreamDsc(PackageRecipe recipe, Path dir) {
    MetaData meta = recipe.meta();
    String name = meta.debname();
    if (name == null || name.isBlank()) {
      throw new SourceLayoutException(
          recipe.metaFile()
              + ": field 'debname' is needed with 'archive' (the source package's name)");
    }
    String base = meta.archive().endsWith("/") ? meta.archive() : meta.archive() + "/";
    String dscName = name + "_" + withoutEpoch(meta.debver().strip()) + ".dsc";
    try {
      Files.createDirectories(dir);
      Path dsc;
      if (meta.dscSha256sum() != null) {
        dsc =
            fetcher.fetch(
                new org.starlingx.stxbuild.engine.repo.MirrorDownload(
                    dscName,
                    java.net.URI.create(base + dscName),
                    "sha256",
                    meta.dscSha256sum().strip()),
                dir);
      } else {
        dsc = dir.resolve(dscName);
        UpstreamFiles.copy(java.net.URI.create(base + dscName), dsc);
      }
      for (Map.Entry<String, String> listed : DebControl.dscSha256(dsc).entrySet()) {
        fetcher.fetch(
            new org.starlingx.stxbuild.engine.repo.MirrorDownload(
                listed.getKey(),
                java.net.URI.create(base + listed.getKey()),
                "sha256",
                listed.getValue()),
            dir);
      }
      return dsc;
    } catch (IOException e) {
      throw new UncheckedIOException(
          recipe.metaFile()
              + ": field 'archive': cannot fetch "
              + base
              + dscName
              + ": "
              + e.getMessage(),
          e);
    } catch (IllegalArgumentException e) {
      throw new SourceLayoutException(
          recipe.metaFile() + ": field 'archive': " + e.getMessage(), e);
    }
  }

  /** An upstream Debian source package, its packaging changed by deb_patches, plus patches. */
  private PreparedSource prepareUpstream(PackageRecipe recipe, Path outDir) {
    try {
      Files.createDirectories(outDir);
      Path upstream = fetchUpstreamDsc(recipe, outDir.resolve("upstream"));
      String name = recipe.meta().debname();
      String version = recipe.meta().debver().strip();
      Path work = outDir.resolve(name + "-" + upstreamVersion(version));
      FileTrees.delete(work);
      CommandRunner.run(
          outDir,
          List.of(
              "dpkg-source", "--no-copy", "-x", upstream.toString(), work.getFileName().toString()),
          Map.of("LC_ALL", "C.UTF-8"));
      // dpkg-source unpacks with tar: as root it keeps device nodes and setuid bits.
      SafeArchiveExtractor.sanitize(work);
      for (Path patch : series(recipe.debPatches())) {
        CommandRunner.run(
            work, List.of("patch", "-p1", "--forward", "--batch", "-i", patch.toString()));
      }
      addPatches(recipe, work);
      writeChangelog(
          work.resolve("debian").resolve("changelog"), name, version, recipe.relativeDir());
      Path original = outDir.resolve("upstream");
      try (Stream<Path> files = Files.list(original)) {
        for (Path file :
            files.filter(f -> f.getFileName().toString().contains(".orig.")).toList()) {
          Files.copy(file, outDir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      CommandRunner.run(
          outDir,
          List.of("dpkg-source", "-b", work.getFileName().toString()),
          Map.of("LC_ALL", "C.UTF-8", "SOURCE_DATE_EPOCH", "0"));
      Path dsc = outDir.resolve(name + "_" + withoutEpoch(version) + ".dsc");
      List<Path> files = new ArrayList<>(List.of(dsc));
      for (String listed : DebControl.dscFiles(dsc)) {
        files.add(outDir.resolve(listed));
      }
      return new PreparedSource(recipe, name, version, dsc, files);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + recipe.relativeDir() + " in " + outDir, e);
    }
  }

  /** The patches of a directory in series order ({@code series} file, else sorted *.patch). */
  private static List<Path> series(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    Path series = dir.resolve("series");
    if (Files.isRegularFile(series)) {
      List<Path> patches = new ArrayList<>();
      for (String line : Files.readAllLines(series)) {
        String name = line.strip();
        if (!name.isEmpty() && !name.startsWith("#")) {
          Path patch = dir.resolve(name).normalize();
          if (!patch.startsWith(dir) || !Files.isRegularFile(patch)) {
            throw new SourceLayoutException(series + ": patch '" + name + "' does not exist");
          }
          patches.add(patch);
        }
      }
      return patches;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".patch")).sorted().toList();
    }
  }

  static String upstreamVersion(String version) {
    String noEpoch = withoutEpoch(version);
    int dash = noEpoch.lastIndexOf('-');
    return dash < 0 ? noEpoch : noEpoch.substring(0, dash);
  }

  static String withoutEpoch(String version) {
    int colon = version.indexOf(':');
    return colon < 0 ? version : version.substring(colon + 1);
  }

  private static String tarExtension(Path tarball) {
    String name = tarball.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".tar.xz")) {
      return ".tar.xz";
    }
    if (name.endsWith(".tar.bz2")) {
      return ".tar.bz2";
    }
    return ".tar.gz";
  }

  private static List<String> tarCommand(Path archive, Path dir) {
    List<String> argv = new ArrayList<>(List.of("tar"));
    argv.addAll(REPRODUCIBLE_TAR);
    argv.addAll(
        List.of(
            "-cf",
            archive.toString(),
            "-C",
            dir.getParent().toString(),
            dir.getFileName().toString()));
    return argv;
  }

  private static void writeFormat(Path work, boolean nativePackage) throws IOException {
    Path format = work.resolve("debian").resolve("source").resolve("format");
    if (!Files.exists(format)) {
      Files.createDirectories(format.getParent());
      Files.writeString(format, nativePackage ? "3.0 (native)\n" : "3.0 (quilt)\n");
    }
  }

  /** The tree's source patches become the package's quilt series, in series order. */
  private static void addPatches(PackageRecipe recipe, Path work) throws IOException {
    if (!Files.isDirectory(recipe.patches())) {
      return;
    }
    Path target = work.resolve("debian").resolve("patches");
    Files.createDirectories(target);
    Path series = recipe.patches().resolve("series");
    List<String> order;
    if (Files.isRegularFile(series)) {
      order =
          Files.readAllLines(series).stream()
              .map(String::strip)
              .filter(l -> !l.isEmpty() && !l.startsWith("#"))
              .toList();
    } else {
      try (Stream<Path> files = Files.list(recipe.patches())) {
        order =
            files
                .map(p -> p.getFileName().toString())
                .filter(n -> n.endsWith(".patch"))
                .sorted()
                .toList();
      }
    }
    List<String> combined = new ArrayList<>();
    Path existing = target.resolve("series");
    if (Files.isRegularFile(existing)) {
      combined.addAll(Files.readAllLines(existing));
    }
    for (String patch : order) {
      Path source = recipe.patches().resolve(patch).normalize();
      if (!source.startsWith(recipe.patches()) || !Files.isRegularFile(source)) {
        throw new SourceLayoutException(series + ": patch '" + patch + "' does not exist");
      }
      Files.copy(source, target.resolve(patch), StandardCopyOption.REPLACE_EXISTING);
      combined.add(patch);
    }
    Files.write(target.resolve("series"), combined);
  }

  /**
   * Puts an entry for the metadata's version on top of the packaging's changelog (StarlingX keeps
   * the version in meta_data.yaml, not in the changelog).
   */
  private static void writeChangelog(Path changelog, String name, String version, String dir)
      throws IOException {
    String existing = Files.exists(changelog) ? Files.readString(changelog) : "";
    if (existing.startsWith(name + " (" + version + ")")) {
      return;
    }
    String date =
        ZonedDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)
            .format(DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT));
    String entry =
        name
            + " ("
            + version
            + ") unstable; urgency=medium\n\n"
            + "  * Built by starlingx-build from "
            + dir
            + ".\n\n"
            + " -- starlingx-build <builds@starlingx-build.invalid>  "
            + date
            + "\n";
    Files.writeString(
        changelog, existing.isEmpty() ? entry : entry + "\n" + existing, StandardCharsets.UTF_8);
  }
}
