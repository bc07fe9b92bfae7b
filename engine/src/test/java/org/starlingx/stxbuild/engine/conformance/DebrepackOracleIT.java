package org.starlingx.stxbuild.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.exec.CommandRunner;
import org.starlingx.stxbuild.engine.graph.DebControl;
import org.starlingx.stxbuild.engine.source.PackageRecipe;
import org.starlingx.stxbuild.engine.source.PreparedSource;
import org.starlingx.stxbuild.engine.source.RecipeKind;
import org.starlingx.stxbuild.engine.source.SourcePackagePreparer;
import org.starlingx.stxbuild.engine.source.StxSourceTree;
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
    Process process =
        new ProcessBuilder(argv)
            .directory(work.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            // dch reads its terminal: with a pipe for stdin it waits forever
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.MINUTES)).isTrue();
    List<JsonNode> reference = new ArrayList<>();
    for (String line : output.lines().filter(l -> l.startsWith("{")).toList()) {
      reference.add(new ObjectMapper().readTree(line));
    }
    assertThat(reference).as(output).hasSize(PACKAGES);

    SourcePackagePreparer preparer = new SourcePackagePreparer(null);
    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i < PACKAGES; i++) {
      PackageRecipe recipe = chosen.get(i);
      JsonNode theirs = reference.get(i);
      String label = recipe.details().repository() + "/" + recipe.relativeDir();
      if (theirs.has("error")) {
        disagreements.add(label + ": StarlingX's debrepack failed: " + theirs.get("error"));
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
    System.out.println(
        "oracle: "
            + (PACKAGES - disagreements.size())
            + "/"
            + PACKAGES
            + " source packages agree with StarlingX's debrepack");
    assertThat(disagreements).isEmpty();
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
