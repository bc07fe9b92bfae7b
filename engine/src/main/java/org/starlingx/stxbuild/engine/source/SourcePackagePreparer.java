package org.starlingx.stxbuild.engine.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.starlingx.stxbuild.engine.exec.CommandFailedException;
import org.starlingx.stxbuild.engine.exec.CommandRunner;
import org.starlingx.stxbuild.engine.files.FileTrees;
import org.starlingx.stxbuild.engine.files.SafeArchiveExtractor;
import org.starlingx.stxbuild.engine.graph.DebControl;
import org.starlingx.stxbuild.engine.repo.MirrorDownload;

/**
 * Turns a package recipe into a Debian source package the way StarlingX's debrepack.py {@code
 * package()} does, step for step: the metadata directory copied with {@code @KERNEL_TYPE@} set for
 * the build type; the sources from the hook, the tarball, the tree (an empty directory for {@code
 * src_path: null}) or the upstream {@code .dsc}; {@code src_files}, {@code dl_files} and {@code
 * files/} added; an orig tarball always made; {@code deb_folder} laid over {@code debian/}; {@code
 * deb_patches} applied; {@code patches} added as a quilt series (or applied, for other formats);
 * the version from the changelog plus StarlingX's revision suffix; then {@code dpkg-source -b}. The
 * format is the packaging's own ({@code debian/source/format}).
 *
 * <p>Deliberate differences: a packaging without a changelog gets one with {@code debver}
 * (StarlingX fails); tarballs are made reproducibly; the hook runs with a minimal environment.
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

  private static final Map<String, String> DPKG_ENV =
      Map.of("LC_ALL", "C.UTF-8", "SOURCE_DATE_EPOCH", "0");

  /**
   * The tree variables a hook sees (StarlingX's hooks use MY_REPO and STX_GIT_SRC_DIR;
   * utilities/build-info's needs MY_WORKSPACE, which StarlingX's build container always defines).
   */
  private static final List<String> HOOK_VARIABLES =
      List.of("MY_REPO_ROOT_DIR", "MY_REPO", "STX_DIST", "STX_GIT_SRC_DIR", "DIST", "MY_WORKSPACE");

  /** Where an upstream .dsc named only by debname and debver is looked up. */
  private static final String DEBIAN_POOL = "https://deb.debian.org/debian/pool/main/";

  private final SourceFetcher fetcher;
  private final Map<String, String> hookEnvironment;

  public SourcePackagePreparer(SourceFetcher fetcher) {
    this(fetcher, Map.of());
  }

  /**
   * @param hookEnvironment variables a {@code dl_hook} gets besides the tree's ({@code MY_REPO},
   *     ...) and a minimal PATH, HOME and locale, e.g. {@code STX_GIT_SRC_DIR}
   */
  public SourcePackagePreparer(SourceFetcher fetcher, Map<String, String> hookEnvironment) {
    this.fetcher = fetcher;
    this.hookEnvironment = Map.copyOf(hookEnvironment);
  }

  /** Prepares the source package in {@code outDir} (emptied first; one package per directory). */
  public PreparedSource prepare(PackageRecipe recipe, Path outDir) {
    return prepare(recipe, outDir, TreeVariables.of(recipe.dir(), Map.of()));
  }

  /** Like {@link #prepare(PackageRecipe, Path)}, with the tree's variables for the hook. */
  public PreparedSource prepare(PackageRecipe recipe, Path outDir, TreeVariables variables) {
    try {
      FileTrees.delete(outDir);
      Files.createDirectories(outDir);
      Path packdir = outDir.toAbsolutePath().normalize();
      String name = recipe.name();
      String upstream = upstreamVersion(recipe.meta().debver());
      Path srcdir = packdir.resolve(name + "-" + upstream);
      Path local = localDebian(recipe, packdir);

      for (SourceDownload download : recipe.downloads()) {
        fetcher.fetch(download.download(), packdir);
      }
      switch (recipe.kind()) {
        case DL_HOOK -> {
          if (recipe.meta().archive() != null && recipe.meta().dlPath() == null) {
            fetchUpstreamDsc(recipe, packdir);
          }
          runHook(recipe, packdir, srcdir, variables);
          Path gz = packdir.resolve(name + "_" + upstream + ".orig.tar.gz");
          Path xz = packdir.resolve(name + "_" + upstream + ".orig.tar.xz");
          if (!Files.exists(gz) && !Files.exists(xz)) {
            createOrigTarball(packdir, srcdir, name, upstream);
          }
          updateDebFolder(local, srcdir);
          applySeries(local.resolve("deb_patches"), srcdir);
        }
        case TARBALL -> {
          Path tarball = packdir.resolve(recipe.meta().dlPath().name().strip());
          Files.createDirectories(srcdir);
          extract(tarball, srcdir, packdir);
          copyCustomFiles(recipe, local, packdir, srcdir);
          createOrigTarball(packdir, srcdir, name, upstream);
          updateDebFolder(local, srcdir);
          applySeries(local.resolve("deb_patches"), srcdir);
        }
        case IN_TREE -> {
          if (recipe.details().srcPath() == null) {
            Files.createDirectories(srcdir);
          } else if (!Files.isDirectory(recipe.details().srcPath())) {
            throw new SourceLayoutException(
                recipe.metaFile()
                    + ": field 'src_path': directory "
                    + recipe.details().srcPath()
                    + " does not exist");
          } else {
            SourcePathCopy.copy(
                recipe.details().srcPath(),
                srcdir,
                Path.of(variables.values().get("MY_REPO_ROOT_DIR")),
                recipe.metaFile());
          }
          copyCustomFiles(recipe, local, packdir, srcdir);
          createOrigTarball(packdir, srcdir, name, upstream);
          updateDebFolder(local, srcdir);
        }
        case UPSTREAM_DSC -> {
          Path dsc = fetchUpstreamDsc(recipe, packdir);
          run(
              packdir,
              List.of(
                  "dpkg-source",
                  "--no-copy",
                  "-x",
                  dsc.getFileName().toString(),
                  srcdir.getFileName().toString()),
              recipe,
              "dpkg-source -x");
          // dpkg-source unpacks with tar: as root it keeps device nodes and setuid bits.
          SafeArchiveExtractor.sanitize(srcdir);
          applySeries(local.resolve("deb_patches"), srcdir);
        }
        default -> throw new IllegalStateException(recipe.kind().toString());
      }
      Path changelog = srcdir.resolve("debian").resolve("changelog");
      if (!Files.isRegularFile(changelog)) {
        // StarlingX requires a changelog; this project writes one with debver (documented)
        writeChangelog(changelog, name, recipe.meta().debver(), recipe.relativeDir());
      }
      applySourcePatches(local, srcdir, recipe);
      DebControl.read(srcdir.resolve("debian").resolve("control"));
      String source = changelogField(changelog, "source");
      String version = changelogField(changelog, "version") + recipe.details().versionSuffix();
      if (!recipe.details().versionSuffix().isEmpty()) {
        writeChangelog(changelog, source, version, recipe.relativeDir());
      }
      run(
          packdir,
          List.of("dpkg-source", "-b", srcdir.getFileName().toString()),
          recipe,
          "dpkg-source -b");
      Path dsc = packdir.resolve(source + "_" + withoutEpoch(version) + ".dsc");
      if (!Files.isRegularFile(dsc)) {
        throw new SourceLayoutException(
            "dpkg-source made no " + dsc.getFileName() + " for " + recipe.relativeDir());
      }
      List<Path> files = new ArrayList<>(List.of(dsc));
      for (String listed : DebControl.dscFiles(dsc)) {
        files.add(packdir.resolve(listed));
      }
      return new PreparedSource(recipe, source, version, dsc, files);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + recipe.relativeDir() + " in " + outDir, e);
    }
  }

  /** debrepack's set_build_type: the metadata directory with @KERNEL_TYPE@ set. */
  private static Path localDebian(PackageRecipe recipe, Path packdir) throws IOException {
    Path local = packdir.resolve("local_debian");
    FileTrees.copy(recipe.metaDir(), local);
    String kernelType =
        recipe.details().buildType().equals("std") ? "" : "-" + recipe.details().buildType();
    try (Stream<Path> files = Files.walk(local)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        if (text.contains("@KERNEL_TYPE@")) {
          Files.write(
              file,
              text.replace("@KERNEL_TYPE@", kernelType).getBytes(StandardCharsets.ISO_8859_1));
        }
      }
    }
    return local;
  }

  /** Runs the package's dl_hook in the fresh package directory with a minimal environment. */
  private void runHook(PackageRecipe recipe, Path packdir, Path srcdir, TreeVariables variables)
      throws IOException {
    Path hook = packdir.resolve("dl_hook");
    Files.copy(recipe.details().dlHook(), hook, StandardCopyOption.REPLACE_EXISTING);
    hook.toFile().setExecutable(true);
    Map<String, String> env = new LinkedHashMap<>();
    // only the variables StarlingX's build container defines for hooks, never the host's others
    for (String name : HOOK_VARIABLES) {
      String value = variables.values().get(name);
      if (value != null) {
        env.put(name, value);
      }
    }
    env.putAll(hookEnvironment);
    // StarlingX's build output directory; here the package's own throwaway directory
    env.putIfAbsent("MY_WORKSPACE", packdir.toString());
    env.put("PATH", "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin");
    env.put("HOME", packdir.toString());
    env.put("LC_ALL", "C.UTF-8");
    ProcessBuilder builder =
        new ProcessBuilder("./dl_hook", srcdir.getFileName().toString())
            .directory(packdir.toFile())
            .redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(env);
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = process.waitFor();
      if (exit != 0) {
        throw new SourceLayoutException(
            recipe.metaFile()
                + ": field 'dl_hook': the hook exited with "
                + exit
                + "; its output (last lines):\n"
                + lastLines(output, 20));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceLayoutException(recipe.metaFile() + ": field 'dl_hook': interrupted");
    }
    if (!Files.isDirectory(srcdir)) {
      throw new SourceLayoutException(
          recipe.metaFile()
              + ": field 'dl_hook': the hook made no directory "
              + srcdir.getFileName());
    }
  }

  private static String lastLines(String output, int count) {
    List<String> lines = output.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
  }

  /** src_files, dl_files (unpacked into topdir and packed again) and files/, into srcdir. */
  private static void copyCustomFiles(PackageRecipe recipe, Path local, Path packdir, Path srcdir)
      throws IOException {
    for (Path file : recipe.details().srcFiles()) {
      copyInto(file, srcdir);
    }
    for (Map.Entry<String, MetaData.Download> entry : recipe.meta().dlFiles().entrySet()) {
      Path downloaded = packdir.resolve(entry.getKey());
      if (!Files.exists(downloaded)) {
        throw new SourceLayoutException(
            recipe.metaFile() + ": field 'dl_files." + entry.getKey() + "': not downloaded");
      }
      String topdir = entry.getValue().topdir();
      if (topdir != null) {
        Path into = packdir.resolve(topdir);
        Files.createDirectories(into);
        extract(downloaded, into, packdir);
        List<String> argv = new ArrayList<>(List.of("tar"));
        argv.addAll(REPRODUCIBLE_TAR);
        argv.addAll(List.of("-cf", downloaded.toString(), topdir));
        CommandRunner.run(packdir, argv);
      }
      copyInto(downloaded, srcdir);
    }
    Path files = local.resolve("files");
    if (Files.isDirectory(files)) {
      try (Stream<Path> walk = Files.walk(files)) {
        for (Path file : walk.filter(p -> !Files.isDirectory(p)).toList()) {
          copyInto(file, srcdir);
        }
      }
    }
  }

  private static void copyInto(Path source, Path dir) throws IOException {
    Path target = dir.resolve(source.getFileName().toString());
    if (Files.isDirectory(source)) {
      FileTrees.copy(source, target);
    } else {
      Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Unpacks a tarball into dir, without its top directory when it has exactly one. */
  private static void extract(Path tarball, Path dir, Path workDir) {
    String listing = CommandRunner.run(workDir, List.of("tar", "-tf", tarball.toString())).output();
    List<String> entries = listing.lines().filter(l -> !l.isBlank()).toList();
    boolean oneTop =
        entries.stream().map(e -> e.split("/", -1)[0]).distinct().count() == 1
            && entries.stream()
                .anyMatch(e -> e.split("/", -1).length > 1 && !e.split("/", -1)[1].isEmpty());
    // Never as tar would as root: no owners, devices or setuid bits, nothing outside dir.
    SafeArchiveExtractor.extract(tarball, dir, oneTop ? 1 : 0);
  }

  /** Always an orig tarball of the source directory, named from debname and debver. */
  private static void createOrigTarball(Path packdir, Path srcdir, String name, String upstream)
      throws IOException {
    if (!Files.isDirectory(srcdir)) {
      throw new SourceLayoutException(srcdir + ": no source directory to make the orig tarball of");
    }
    FileTrees.delete(srcdir.resolve(".git"));
    List<String> argv = new ArrayList<>(List.of("tar"));
    argv.addAll(REPRODUCIBLE_TAR);
    argv.addAll(
        List.of(
            "-cf",
            packdir.resolve(name + "_" + upstream + ".orig.tar.gz").toString(),
            srcdir.getFileName().toString()));
    CommandRunner.run(packdir, argv);
  }

  /** deb_folder laid over debian/; its patches applied unless the format is 3.0 (quilt). */
  private static void updateDebFolder(Path local, Path srcdir) throws IOException {
    Path debFolder = local.resolve("deb_folder");
    if (!Files.isDirectory(debFolder)) {
      return;
    }
    Path debian = srcdir.resolve("debian");
    Files.createDirectories(debian);
    try (Stream<Path> entries = Files.list(debFolder)) {
      // cp -r deb_folder/* : hidden entries are not copied
      for (Path entry : entries.filter(e -> !e.getFileName().toString().startsWith(".")).toList()) {
        copyInto(entry, debian);
      }
    }
    Path series = debFolder.resolve("patches").resolve("series");
    if (Files.isRegularFile(series)
        && Files.isRegularFile(debian.resolve("changelog"))
        && !format(srcdir).equals("3.0 (quilt)")) {
      applySeries(debFolder.resolve("patches"), srcdir);
    }
  }

  /** Applies each patch of {@code dir/series} with patch -p1 (deb_patches). */
  private static void applySeries(Path dir, Path srcdir) throws IOException {
    for (String patch : series(dir.resolve("series"))) {
      CommandRunner.run(
          srcdir, List.of("patch", "-p1", "--batch", "-i", dir.resolve(patch).toString()));
    }
  }

  /** The tree's patches: a quilt series for 3.0 (quilt), applied for other formats. */
  private static void applySourcePatches(Path local, Path srcdir, PackageRecipe recipe)
      throws IOException {
    Path series = local.resolve("patches").resolve("series");
    if (!Files.isRegularFile(series)) {
      return;
    }
    String format = format(srcdir);
    Path patches = srcdir.resolve("debian").resolve("patches");
    if (!Files.isDirectory(patches)) {
      // debrepack's os.mknod: an empty series whatever the format, so 1.0 packages carry one too
      Files.createDirectories(patches);
      Files.createFile(patches.resolve("series"));
    }
    for (String patch : series(series)) {
      Path source = local.resolve("patches").resolve(patch).normalize();
      if (!source.startsWith(local.resolve("patches")) || !Files.isRegularFile(source)) {
        throw new SourceLayoutException(
            recipe.metaDir().resolve("patches/series") + ": patch '" + patch + "' does not exist");
      }
      if (format.equals("3.0 (quilt)")) {
        Path target = patches.resolve(patch);
        Files.createDirectories(target.getParent());
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(
            patches.resolve("series"),
            patch + "\n",
            StandardCharsets.UTF_8,
            java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.APPEND);
      } else {
        CommandRunner.run(srcdir, List.of("patch", "-p1", "--batch", "-i", source.toString()));
      }
    }
  }

  /**
   * The source format, as debrepack's {@code dpkg-source --print-format} reads it: standard output
   * only. dpkg-source warns on standard error about a badly formatted changelog (integ's pynetlink
   * for trixie: a trailer line without its leading space); read together with the format, the
   * warning made a 3.0 (quilt) package look like another format, so its patches were applied with
   * patch(1) instead of added to the series and dpkg-source -b refused the changed upstream files.
   */
  static String format(Path srcdir) throws IOException {
    String value =
        dpkgStandardOutput(
            srcdir.getParent(),
            List.of("dpkg-source", "--print-format", srcdir.getFileName().toString()),
            srcdir + ": interrupted while reading its source format");
    if (value == null) {
      throw new SourceLayoutException(
          srcdir.resolve("debian")
              + ": dpkg-source --print-format could not tell the source format"
              + " (expected a readable debian/changelog and debian/source/format)");
    }
    return value;
  }

  private static List<String> series(Path series) throws IOException {
    if (!Files.isRegularFile(series)) {
      return List.of();
    }
    return Files.readAllLines(series, StandardCharsets.ISO_8859_1).stream()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList();
  }

  /** One field of the changelog's top entry (its warnings, on stderr, are not part of it). */
  private static String changelogField(Path changelog, String field) throws IOException {
    String value =
        dpkgStandardOutput(
            changelog.getParent(),
            List.of("dpkg-parsechangelog", "-l", changelog.toString(), "--show-field", field),
            changelog + ": interrupted while reading it");
    if (value == null) {
      throw new SourceLayoutException(changelog + ": no '" + field + "' in its top entry");
    }
    return value;
  }

  /**
   * What a dpkg tool prints on standard output, stripped; null when it fails or prints nothing. Its
   * standard error (warnings about the changelog's form) is not part of the answer.
   */
  private static String dpkgStandardOutput(Path dir, List<String> command, String interrupted)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().putAll(DPKG_ENV);
    Process process = builder.start();
    String value = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      return process.waitFor() != 0 || value.isBlank() ? null : value.strip();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceLayoutException(interrupted);
    }
  }

  private static void run(Path dir, List<String> argv, PackageRecipe recipe, String what) {
    try {
      CommandRunner.run(dir, argv, DPKG_ENV);
    } catch (CommandFailedException e) {
      throw new SourceLayoutException(
          recipe.relativeDir() + ": " + what + " failed:\n" + lastLines(e.getMessage(), 20), e);
    }
  }

  /**
   * Fetches the upstream {@code .dsc} ({@code archive}, else Debian's pool by debname and debver)
   * and every file it lists, each checked against the {@code .dsc}'s own sha256 (and the {@code
   * .dsc} against {@code dsc_sha256} when the metadata pins it). Returns the local {@code .dsc}.
   */
  public Path fetchUpstreamDsc(PackageRecipe recipe, Path dir) {
    MetaData meta = recipe.meta();
    String name = recipe.name();
    String base =
        meta.archive() != null
            ? StxSourceTree.archiveBase(meta.archive())
            : DEBIAN_POOL
                + (name.startsWith("lib") && name.length() > 3
                    ? name.substring(0, 4)
                    : name.substring(0, 1))
                + "/"
                + name
                + "/";
    String dscName = StxSourceTree.dscName(name, meta.debver());
    try {
      Files.createDirectories(dir);
      Path dsc;
      if (meta.dscSha256() != null) {
        dsc =
            fetcher.fetch(
                new MirrorDownload(
                    dscName, URI.create(base + dscName), "sha256", meta.dscSha256().strip()),
                dir);
      } else {
        dsc = fetcher.fetchUnpinned(URI.create(base + dscName), dscName, dir);
      }
      for (Map.Entry<String, String> listed : DebControl.dscSha256(dsc).entrySet()) {
        fetcher.fetch(
            new MirrorDownload(
                listed.getKey(), URI.create(base + listed.getKey()), "sha256", listed.getValue()),
            dir);
      }
      return dsc;
    } catch (UncheckedIOException e) {
      // a fetcher's failure (unreachable, not found, checksum): named with the recipe's field
      throw new SourceLayoutException(
          recipe.metaFile()
              + ": field '"
              + (meta.archive() != null ? "archive" : "debver")
              + "': "
              + e.getMessage(),
          e);
    } catch (IOException e) {
      throw new SourceLayoutException(
          recipe.metaFile()
              + ": field '"
              + (meta.archive() != null ? "archive" : "debver")
              + "': cannot fetch "
              + base
              + dscName
              + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"),
          e);
    } catch (IllegalArgumentException e) {
      throw new SourceLayoutException(
          recipe.metaFile() + ": field 'archive': not a usable archive location", e);
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

  /**
   * Puts an entry for {@code version} on top of the changelog, as StarlingX's {@code dch -v} does
   * (fixed date and maintainer, so the source package is reproducible).
   */
  private static void writeChangelog(Path changelog, String name, String version, String dir)
      throws IOException {
    String existing =
        Files.exists(changelog) ? Files.readString(changelog, StandardCharsets.UTF_8) : "";
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
    Files.createDirectories(changelog.getParent());
    Files.writeString(
        changelog, existing.isEmpty() ? entry : entry + "\n" + existing, StandardCharsets.UTF_8);
  }
}
