package org.starlingx.stxbuild.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.exec.CommandRunner;
import org.starlingx.stxbuild.engine.graph.DebControl;
import org.starlingx.stxbuild.engine.repo.MirrorDownload;
import org.starlingx.stxbuild.engine.source.LocalMirrorFetcher;
import org.starlingx.stxbuild.engine.source.MetaData;
import org.starlingx.stxbuild.engine.source.PackageRecipe;
import org.starlingx.stxbuild.engine.source.PreparedSource;
import org.starlingx.stxbuild.engine.source.RecipeKind;
import org.starlingx.stxbuild.engine.source.SourceDownload;
import org.starlingx.stxbuild.engine.source.SourcePackagePreparer;
import org.starlingx.stxbuild.engine.source.StxSourceTree;
import org.starlingx.stxbuild.testenv.corpus.CorpusUpstream;
import org.starlingx.stxbuild.testenv.corpus.LoopbackUpstream;
import org.starlingx.stxbuild.testenv.corpus.StarlingxCorpus;

/**
 * StarlingX's own debrepack.py and this project's preparer make source packages of the same corpus
 * packages (every in-tree package of fault, utilities and update for trixie, and in-tree ones of
 * integ, at least 30, prepareable offline); the packages must agree: Source, Version (revision
 * suffix included), Format, the orig tarball's file list and the debian/ tree (changelog aside: its
 * new entry has a date and maintainer).
 */
class DebrepackOracleIT {
  private static final int PACKAGES = 30;

  @TempDir Path work;

  @Test
  void ourSourcePackagesAgreeWithStarlingxs() throws Exception {
    Path root = StarlingxCorpus.treeOrSkip();
    StxSourceTree tree = StxSourceTree.open(root, Map.of());
    List<PackageRecipe> chosen =
        tree.read("trixie", List.of("std")).packages().stream()
            .filter(r -> r.kind() == RecipeKind.IN_TREE)
            .filter(r -> r.downloads().isEmpty())
            .filter(r -> r.details().srcPath() == null || Files.isDirectory(r.details().srcPath()))
            .sorted(
                (a, b) ->
                    Boolean.compare(
                        a.details().repository().endsWith("integ"),
                        b.details().repository().endsWith("integ")))
            .limit(PACKAGES)
            .toList();
    assertThat(chosen).hasSize(PACKAGES);

    List<String> disagreements =
        compare(root, tree, chosen, Map.of(), new SourcePackagePreparer(null));
    System.out.println(
        "oracle: "
            + (PACKAGES - disagreements.size())
            + "/"
            + PACKAGES
            + " source packages agree with StarlingX's debrepack");
    assertThat(disagreements).isEmpty();
  }

  /**
   * The recipe kinds that need downloads (upstream .dsc, dl_path tarballs, dl_hook, dl_files), for
   * every trixie package whose files this machine can reach: Debian's archive and PyPI serve them
   * into a cache, a loopback server serves the cache to both debrepack ({@code OS_MIRROR_URL}) and
   * this project's preparer (mirror rewrites). Prints per kind: compared, agreed, not possible
   * offline with the reason.
   */
  @Test
  void downloadRecipesAgreeWithStarlingxs() throws Exception {
    Path root = StarlingxCorpus.treeOrSkip();
    StxSourceTree tree = StxSourceTree.open(root, Map.of());
    CorpusUpstream upstream = new CorpusUpstream(CorpusUpstream.defaultCache());
    Map<String, List<PackageRecipe>> chosen = new TreeMap<>();
    Map<String, List<String>> impossible = new TreeMap<>();
    try {
      for (PackageRecipe recipe : tree.read("trixie", List.of("std")).packages()) {
        String kind = kindLabel(recipe);
        if (kind == null) {
          continue;
        }
        String missing = missingUpstreamFile(recipe, upstream);
        if (missing == null) {
          chosen.computeIfAbsent(kind, k -> new ArrayList<>()).add(recipe);
        } else {
          impossible
              .computeIfAbsent(kind, k -> new ArrayList<>())
              .add(label(recipe) + ": " + missing);
        }
      }
    } catch (CorpusUpstream.UnreachableException e) {
      String message =
          "SKIPPED: Debian's archive or PyPI cannot be reached ("
              + e.getMessage()
              + "); the oracle over download recipes did not run";
      System.err.println("**** " + message + " ****");
      Assumptions.abort(message);
    }

    List<String> disagreements = new ArrayList<>();
    Map<String, Integer> agreed = new TreeMap<>();
    try (LoopbackUpstream server = new LoopbackUpstream(upstream.cache())) {
      SourcePackagePreparer preparer =
          new SourcePackagePreparer(
              new LocalMirrorFetcher(work.resolve("our-mirror"), server.rewrites()));
      for (Map.Entry<String, List<PackageRecipe>> kind : chosen.entrySet()) {
        List<String> failInBoth = new ArrayList<>();
        List<String> wrong =
            compare(
                root,
                tree,
                kind.getValue(),
                server.starlingxEnvironment(),
                preparer,
                work.resolve(kind.getKey().replaceAll("[^a-z]", "-")),
                failInBoth);
        agreed.put(kind.getKey(), kind.getValue().size() - wrong.size() - failInBoth.size());
        disagreements.addAll(wrong);
        failInBoth.forEach(
            f -> impossible.computeIfAbsent(kind.getKey(), k -> new ArrayList<>()).add(f));
      }
    }
    for (String kind : KINDS) {
      List<String> reasons = impossible.getOrDefault(kind, List.of());
      System.out.println(
          "oracle "
              + kind
              + ": compared "
              + (chosen.getOrDefault(kind, List.of()).size()
                  - (int) reasons.stream().filter(r -> r.contains(FAILS_IN_BOTH)).count())
              + ", agreed "
              + agreed.getOrDefault(kind, 0)
              + ", not possible offline "
              + reasons.size());
      reasons.forEach(r -> System.out.println("  not possible offline: " + r));
    }
    assertThat(disagreements).isEmpty();
    // what the archive as reachable from this workspace and PyPI served when this was written
    // (systemd, parted, docker-registry; python3-nsenter; utilities/build-info)
    assertThat(chosen.getOrDefault(UPSTREAM_DSC, List.of())).hasSizeGreaterThanOrEqualTo(3);
    assertThat(chosen.getOrDefault(TARBALL, List.of())).isNotEmpty();
    assertThat(chosen.getOrDefault(DL_HOOK, List.of())).isNotEmpty();
  }

  private static final String FAILS_IN_BOTH = "StarlingX's debrepack fails too";
  private static final String UPSTREAM_DSC = "upstream .dsc";
  private static final String TARBALL = "dl_path tarball";
  private static final String DL_HOOK = "dl_hook";
  private static final String IN_TREE_DL_FILES = "in-tree with dl_files";
  private static final List<String> KINDS =
      List.of(UPSTREAM_DSC, TARBALL, DL_HOOK, IN_TREE_DL_FILES);

  /** The oracle's kind of a recipe that needs a download; null for in-tree ones without. */
  private static String kindLabel(PackageRecipe recipe) {
    return switch (recipe.kind()) {
      case UPSTREAM_DSC -> UPSTREAM_DSC;
      case TARBALL -> TARBALL;
      case DL_HOOK -> DL_HOOK;
      case IN_TREE -> recipe.meta().dlFiles().isEmpty() ? null : IN_TREE_DL_FILES;
    };
  }

  /**
   * Fetches (or finds cached) every upstream file the recipe needs: its tarball and dl_files, and
   * its upstream .dsc with the files that lists. Returns why one is missing, or null.
   */
  private static String missingUpstreamFile(PackageRecipe recipe, CorpusUpstream upstream)
      throws CorpusUpstream.UnreachableException {
    for (SourceDownload download : recipe.downloads()) {
      MirrorDownload file = download.download();
      String sha256 = "sha256".equals(file.algorithm()) ? file.checksum() : null;
      String md5 = "md5".equals(file.algorithm()) ? file.checksum() : null;
      CorpusUpstream.Outcome got = upstream.get(file.url(), sha256, md5);
      if (!got.available()) {
        return file.fileName() + " (" + file.url() + "): " + got.unavailable();
      }
    }
    MetaData meta = recipe.meta();
    boolean dsc =
        recipe.kind() == RecipeKind.UPSTREAM_DSC
            || (recipe.kind() == RecipeKind.DL_HOOK
                && meta.archive() != null
                && meta.dlPath() == null);
    if (!dsc) {
      return null;
    }
    if (meta.archive() == null) {
      // debrepack fetches these with apt-get source from the build's apt sources, not a URL
      return "debname/debver without archive: StarlingX fetches it with apt-get source";
    }
    String base = meta.archive().endsWith("/") ? meta.archive() : meta.archive() + "/";
    String dscName = StxSourceTree.dscName(recipe.name(), meta.debver());
    CorpusUpstream.Outcome dscFile =
        upstream.get(URI.create(base + dscName), meta.dscSha256(), null);
    if (!dscFile.available()) {
      return dscName + ": " + dscFile.unavailable();
    }
    for (Map.Entry<String, String> listed : DebControl.dscSha256(dscFile.file()).entrySet()) {
      CorpusUpstream.Outcome got =
          upstream.get(URI.create(base + listed.getKey()), listed.getValue(), null);
      if (!got.available()) {
        return listed.getKey() + ": " + got.unavailable();
      }
    }
    return null;
  }

  private static String label(PackageRecipe recipe) {
    return recipe.details().repository() + "/" + recipe.relativeDir();
  }

  private List<String> compare(
      Path root,
      StxSourceTree tree,
      List<PackageRecipe> chosen,
      Map<String, String> referenceEnvironment,
      SourcePackagePreparer preparer)
      throws Exception {
    return compare(root, tree, chosen, referenceEnvironment, preparer, work, null);
  }

  /**
   * Prepares each recipe with StarlingX's debrepack (download, then package) and with {@code
   * preparer}; returns the disagreements (and prints the agreements).
   */
  private static List<String> compare(
      Path root,
      StxSourceTree tree,
      List<PackageRecipe> chosen,
      Map<String, String> referenceEnvironment,
      SourcePackagePreparer preparer,
      Path work,
      List<String> failInBoth)
      throws Exception {
    List<String> argv = new ArrayList<>();
    argv.add("/usr/bin/python3");
    argv.add(
        StarlingxCorpus.projectRoot().resolve("testenv/corpus/reference-package.py").toString());
    argv.addAll(
        List.of(
            root.toString(),
            "trixie",
            "std",
            Files.createDirectories(work.resolve("reference")).toString(),
            Files.createDirectories(work.resolve("mirror")).toString()));
    chosen.forEach(r -> argv.add(r.dir().toString()));
    ProcessBuilder builder =
        new ProcessBuilder(argv)
            .directory(work.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            // dch reads its terminal: with a pipe for stdin it waits forever
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().putAll(referenceEnvironment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.MINUTES)).isTrue();
    List<JsonNode> reference = new ArrayList<>();
    for (String line : output.lines().filter(l -> l.startsWith("{")).toList()) {
      reference.add(new ObjectMapper().readTree(line));
    }
    assertThat(reference).as(output).hasSize(chosen.size());

    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i < chosen.size(); i++) {
      PackageRecipe recipe = chosen.get(i);
      JsonNode theirs = reference.get(i);
      String label = label(recipe);
      if (theirs.has("error")) {
        String failure = label + ": StarlingX's debrepack failed: " + theirs.get("error");
        if (failInBoth == null) {
          disagreements.add(failure);
          continue;
        }
        // a package the reference cannot make offline either (a file outside the corpus)
        try {
          preparer.prepare(
              recipe, work.resolve("ours").resolve(String.valueOf(i)), tree.variables());
          disagreements.add(failure + ", this project prepares it");
        } catch (RuntimeException e) {
          failInBoth.add(
              label
                  + ": "
                  + FAILS_IN_BOTH
                  + " ("
                  + theirs.get("error").asText()
                  + "); here: "
                  + lastLine(e.getMessage()));
        }
        continue;
      }
      Path theirDsc =
          Path.of(theirs.get("out").asText()).resolve(theirs.get("files").get(0).asText());
      PreparedSource ours;
      try {
        ours =
            preparer.prepare(
                recipe, work.resolve("ours").resolve(String.valueOf(i)), tree.variables());
      } catch (RuntimeException e) {
        disagreements.add(label + ": StarlingX prepares it, this project fails: " + e.getMessage());
        continue;
      }
      Summary a = Summary.of(theirDsc, work.resolve("x-theirs-" + i));
      Summary b = Summary.of(ours.dsc(), work.resolve("x-ours-" + i));
      if (!a.equals(b)) {
        disagreements.add(
            label + ":\n  StarlingX: " + a.differenceTo(b) + "\n  here:      " + b.differenceTo(a));
      } else {
        System.out.println(
            "oracle agrees: " + label + " " + a.source() + " " + a.version() + " " + a.format());
      }
    }
    return disagreements;
  }

  private static String lastLine(String message) {
    List<String> lines = String.valueOf(message).strip().lines().toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }

  /** What is compared of one source package. */
  record Summary(
      String source,
      String version,
      String format,
      List<String> origFiles,
      Map<String, String> debianTree) {
    static Summary of(Path dsc, Path extractTo) throws IOException {
      Map<String, String> fields =
          org.starlingx.stxbuild.engine.graph.Deb822.paragraphs(
                  Files.readString(dsc), dsc.toString())
              .get(0);
      String orig =
          DebControl.dscFiles(dsc).stream()
              .filter(f -> f.contains(".orig."))
              .findFirst()
              .orElse(null);
      List<String> origFiles = List.of();
      if (orig != null) {
        origFiles =
            CommandRunner.run(dsc.getParent(), List.of("tar", "-tf", orig))
                .output()
                .lines()
                .map(l -> l.replaceFirst("^\\./", "").replaceFirst("/$", ""))
                .filter(l -> !l.isEmpty())
                .sorted()
                .distinct()
                .toList();
      }
      CommandRunner.run(
          dsc.getParent(),
          List.of("dpkg-source", "--no-check", "-x", dsc.toString(), extractTo.toString()),
          Map.of("LC_ALL", "C.UTF-8"));
      Map<String, String> debian = new TreeMap<>();
      Path dir = extractTo.resolve("debian");
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          String name = dir.relativize(file).toString();
          if (name.equals("changelog") || name.startsWith(".pc/")) {
            continue;
          }
          debian.put(name, sha256(file));
        }
      }
      return new Summary(
          fields.get("source"), fields.get("version"), fields.get("format"), origFiles, debian);
    }

    String differenceTo(Summary other) {
      List<String> out = new ArrayList<>();
      if (!source.equals(other.source)) out.add("Source " + source);
      if (!version.equals(other.version)) out.add("Version " + version);
      if (!format.equals(other.format)) out.add("Format " + format);
      if (!origFiles.equals(other.origFiles)) {
        out.add(
            "orig files only here: "
                + origFiles.stream().filter(f -> !other.origFiles.contains(f)).limit(5).toList());
      }
      if (!debianTree.equals(other.debianTree)) {
        out.add(
            "debian/ differs: "
                + debianTree.entrySet().stream()
                    .filter(e -> !e.getValue().equals(other.debianTree.get(e.getKey())))
                    .map(Map.Entry::getKey)
                    .limit(5)
                    .toList());
      }
      return String.join("; ", out);
    }

    private static String sha256(Path file) throws IOException {
      try {
        return HexFormat.of()
            .formatHex(
                java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(file)));
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
