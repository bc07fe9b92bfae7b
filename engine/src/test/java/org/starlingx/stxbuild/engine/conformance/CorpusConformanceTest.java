package org.starlingx.stxbuild.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.starlingx.stxbuild.engine.source.PackageRecipe;
import org.starlingx.stxbuild.engine.source.RefusedEntry;
import org.starlingx.stxbuild.engine.source.StxSourceTree;
import org.starlingx.stxbuild.engine.source.TreeReading;
import org.starlingx.stxbuild.testenv.corpus.StarlingxCorpus;

/**
 * Every entry of every list file of the real StarlingX repositories (integ, utilities, fault,
 * update) for bullseye and trixie, std and rt, read by this project and by StarlingX's own reader
 * (discovery.py, debrepack.py setup and set_revision): the same entries are accepted, with the same
 * package name and revision suffix; an entry is refused only where the reference also fails, and
 * the refusal names the file and says why. Prints accepted/total per repository and codename.
 */
class CorpusConformanceTest {
  private static final List<String> BUILD_TYPES = List.of("std", "rt");
  private static Path root;

  @BeforeAll
  static void unpack() {
    root = StarlingxCorpus.treeOrSkip();
  }

  @ParameterizedTest
  @ValueSource(strings = {"bullseye", "trixie"})
  void acceptsExactlyWhatStarlingxAccepts(String codename) throws Exception {
    List<ReferenceReader.Entry> reference = ReferenceReader.read(root, codename, BUILD_TYPES);
    TreeReading ours = StxSourceTree.open(root, Map.of()).read(codename, BUILD_TYPES);

    Map<String, PackageRecipe> accepted = new LinkedHashMap<>();
    for (PackageRecipe recipe : ours.packages()) {
      accepted.put(
          key(
              repoName(recipe.details().repository()),
              recipe.relativeDir(),
              recipe.details().buildType()),
          recipe);
    }
    Map<String, RefusedEntry> refused = new LinkedHashMap<>();
    for (RefusedEntry entry : ours.refused()) {
      String buildType = entry.buildType();
      refused.put(key(repoName(entry.repository()), entry.dir(), buildType), entry);
    }

    List<String> disagreements = new ArrayList<>();
    Map<String, int[]> figures = new TreeMap<>();
    for (ReferenceReader.Entry entry : reference) {
      String key = entry.key();
      int[] figure = figures.computeIfAbsent(entry.repo(), r -> new int[2]);
      figure[1]++;
      PackageRecipe recipe = accepted.remove(key);
      RefusedEntry refusal = refused.remove(key);
      if (entry.accepted()) {
        if (recipe == null) {
          disagreements.add(
              key
                  + ": StarlingX accepts it, refused here: "
                  + (refusal == null ? "not read at all" : refusal.message()));
          continue;
        }
        figure[0]++;
        if (!recipe.name().equals(entry.name())) {
          disagreements.add(key + ": name " + recipe.name() + ", StarlingX: " + entry.name());
        }
        if (!recipe.details().versionSuffix().equals(entry.suffix())) {
          disagreements.add(
              key
                  + ": revision suffix '"
                  + recipe.details().versionSuffix()
                  + "', StarlingX: '"
                  + entry.suffix()
                  + "'");
        }
      } else {
        if (recipe != null) {
          disagreements.add(key + ": StarlingX fails (" + entry.reason() + "), accepted here");
          continue;
        }
        if (refusal == null) {
          disagreements.add(key + ": StarlingX fails (" + entry.reason() + "), not read here");
          continue;
        }
        assertThat(refusal.file()).as(refusal.message()).isNotBlank();
        assertThat(refusal.reason())
            .as(refusal.message())
            .isNotBlank()
            .doesNotContain("Exception")
            .doesNotContain("\tat ");
        System.out.println(
            "  refused like StarlingX: "
                + refusal.message()
                + "\n      (StarlingX: "
                + entry.reason()
                + ")");
      }
    }
    accepted.keySet().forEach(k -> disagreements.add(k + ": read here, not listed for StarlingX"));
    refused
        .keySet()
        .forEach(k -> disagreements.add(k + ": refused here, not listed for StarlingX"));

    figures.forEach(
        (repo, f) ->
            System.out.printf(
                "conformance %-9s %-9s accepted %3d/%3d%n", codename, repo, f[0], f[1]));
    assertThat(disagreements).isEmpty();
  }

  private static String key(String repo, String dir, String buildType) {
    return repo + "/" + dir + " (" + buildType + ")";
  }

  private static String repoName(String relative) {
    return Path.of(relative).getFileName().toString();
  }
}
