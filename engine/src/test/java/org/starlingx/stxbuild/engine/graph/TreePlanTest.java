package org.starlingx.stxbuild.engine.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.source.StxSourceTree;

/** The plan of a whole tree: edges, cycles broken by circular_dep.conf, order, DOT. */
class TreePlanTest {
  @TempDir Path root;

  private void pkg(String name, String buildDepends) throws IOException {
    write("stx/" + name + "/debian/all/meta_data.yaml", "debver: 1.0-1\nsrc_path: null\n");
    write(
        "stx/" + name + "/debian/all/deb_folder/control",
        "Source: "
            + name
            + "\nBuild-Depends: "
            + buildDepends
            + "\n\nPackage: "
            + name
            + "-bin\nArchitecture: any\n");
  }

  private void write(String path, String text) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void aRefusedEntrysReadablePackagingNamesTheBinariesItWouldHaveProduced() throws IOException {
    // The directory is not named after its binaries (as real trees have it, e.g. python/ dirs):
    // only the refused entry's own control file tells that python3-oddlib is in-tree.
    write("stx/debian_trixie_pkg_dirs_std", "app\nodd-dir\n");
    pkg("app", "debhelper-compat (= 13), python3-oddlib, libexternal-dev");
    write("stx/odd-dir/debian/all/meta_data.yaml", "src_path: null\n");
    write(
        "stx/odd-dir/debian/all/deb_folder/control",
        "Source: oddlib\n\nPackage: python3-oddlib\nArchitecture: all\n");

    TreePlan plan =
        TreePlan.of(
            StxSourceTree.open(root, Map.of()).read("trixie", List.of("std")),
            "amd64",
            root.resolve("none.conf"));

    assertThat(plan.reading().refused())
        .singleElement()
        .satisfies(r -> assertThat(r.binaries()).containsExactly("python3-oddlib"));
    assertThat(plan.missingProducers().get("app")).containsExactly("python3-oddlib");
    assertThat(plan.external().get("app")).containsExactly("debhelper-compat", "libexternal-dev");
  }

  @Test
  void cyclesAreNamedWithTheSetThatBreaksThemAndRefusedProducersAreMissingNotExternal()
      throws IOException {
    write("stx/debian_trixie_pkg_dirs_std", "a\nb\nc\nbroken\n");
    pkg("a", "debhelper-compat (= 13), b-bin");
    pkg("b", "a-bin");
    pkg("c", "a-bin, broken-dev");
    write("stx/broken/debian/all/meta_data.yaml", "src_path: null\n");
    Path conf = root.resolve("circular_dep.conf");
    Files.writeString(conf, "# comment\nSRC SET: a b\nBUILD ORDER: a b a\n");

    TreePlan plan =
        TreePlan.of(
            StxSourceTree.open(root, Map.of()).read("trixie", List.of("std")), "amd64", conf);

    assertThat(plan.cycles())
        .singleElement()
        .satisfies(
            cycle -> {
              assertThat(cycle.members()).containsExactly("a", "b");
              assertThat(cycle.brokenBy()).contains("BUILD ORDER: a b a");
            });
    assertThat(plan.edges().get("c")).containsExactly("a");
    assertThat(plan.external().get("a")).containsExactly("debhelper-compat");
    assertThat(plan.missingProducers().get("c")).containsExactly("broken-dev");
    assertThat(plan.buildOrder().indexOf("c")).isGreaterThan(plan.buildOrder().indexOf("a"));
    // two chained packages: the cycle counts once per member it passes through
    assertThat(plan.criticalPath()).hasSize(2);
    assertThat(plan.reading().refused())
        .singleElement()
        .satisfies(r -> assertThat(r.field()).isEqualTo("debver"));

    String dot = PackageGraphDot.render(plan);
    assertThat(dot).startsWith("digraph packages {").contains("\"c\" -> \"a\";").endsWith("}\n");
  }
}
