package org.starlingx.stxbuild.engine.chroot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.graph.DebControl;

class TreeSeedTest {
  private static final Set<String> ARCHIVE =
      Set.of(
          "debhelper",
          "dh-python",
          "python3-all",
          "python3-setuptools",
          "python3-pbr",
          "libjson-c-dev",
          "libfoo-dev",
          "libbar-dev",
          "golang-go");

  private static DebControl control(String source, String buildDepends, String... binaries) {
    StringBuilder text =
        new StringBuilder("Source: " + source + "\nBuild-Depends: " + buildDepends + "\n");
    for (String binary : binaries) {
      text.append("\nPackage: ").append(binary).append("\nArchitecture: any\n");
    }
    return DebControl.parse(text.toString(), source + "/debian/control");
  }

  private final List<DebControl> tree =
      List.of(
          control(
              "fm-common",
              "debhelper-compat (= 13), dh-python, python3-all, libjson-c-dev",
              "fm-common",
              "fm-common-dev"),
          control(
              "fm-api",
              "debhelper-compat (= 13), dh-python, python3-all, python3-setuptools,"
                  + " fm-common-dev",
              "python3-fm-api"),
          control(
              "fm-mgr",
              "debhelper-compat (= 13), fm-common-dev, libjson-c-dev,"
                  + " libfoo-dev | libbar-dev, golang-go [arm64]",
              "fm-mgr"),
          control(
              "fm-doc",
              "debhelper (>= 12), dh-python, python3-all, python3-pbr, fm-common-dev,"
                  + " libfoo-dev",
              "fm-doc"));

  @Test
  void takesTheDebianBuildDepsAtLeastNPackagesNeedSorted() {
    assertThat(TreeSeed.common(tree, "amd64", ARCHIVE::contains, 3))
        .containsExactly("dh-python", "python3-all");
    assertThat(TreeSeed.common(tree, "amd64", ARCHIVE::contains, 2))
        .containsExactly("dh-python", "libfoo-dev", "libjson-c-dev", "python3-all");
  }

  @Test
  void neverSeedsTheTreesOwnPackagesNorVirtualOrUnknownNames() {
    // fm-common-dev is needed by three packages but is built by the tree (from the session);
    // debhelper-compat (four) is virtual: not in the archive's lists.
    assertThat(TreeSeed.common(tree, "amd64", ARCHIVE::contains, 1))
        .doesNotContain("fm-common-dev", "debhelper-compat")
        .contains("debhelper", "python3-pbr");
    assertThat(TreeSeed.common(tree, "amd64", name -> false, 1)).isEmpty();
  }

  @Test
  void takesTheFirstAlternativeThatAppliesToTheArchitectureAsAptGetBuildDepDoes() {
    List<String> seed = TreeSeed.common(tree, "amd64", ARCHIVE::contains, 1);
    assertThat(seed).contains("libfoo-dev").doesNotContain("libbar-dev", "golang-go");
    assertThat(TreeSeed.common(tree, "arm64", ARCHIVE::contains, 1)).contains("golang-go");
  }

  @Test
  void aPackageNeedingABuildDepTwiceCountsOnce() {
    List<DebControl> twice =
        List.of(control("a", "libfoo-dev, libfoo-dev (>= 1)", "a"), control("b", "cmake", "b"));
    assertThat(TreeSeed.common(twice, "amd64", ARCHIVE::contains, 2)).isEmpty();
  }

  @Test
  void aMinimumBelowOneIsRefused() {
    assertThatThrownBy(() -> TreeSeed.common(tree, "amd64", ARCHIVE::contains, 0))
        .hasMessageContaining("0")
        .hasMessageContaining("at least 1");
  }

  @Test
  void theArchivesNamesComeFromTheChrootsKeptAptLists(@TempDir Path root) throws IOException {
    Path lists = Files.createDirectories(root.resolve("var/lib/apt/lists"));
    Files.writeString(
        lists.resolve("deb.debian.org_debian_dists_trixie_main_binary-amd64_Packages"),
        "Package: dh-python\nVersion: 6\nProvides: dh-sequence-python3\n\n"
            + "Package: debhelper\nProvides: debhelper-compat (= 13)\n");
    Files.writeString(lists.resolve("deb.debian.org_debian_dists_trixie_InRelease"), "x");
    assertThat(AptLists.packageNames(root)).containsExactlyInAnyOrder("dh-python", "debhelper");
  }

  @Test
  void aChrootWithoutListsIsAClearError(@TempDir Path root) throws IOException {
    Files.createDirectories(root.resolve("var/lib/apt/lists"));
    assertThatThrownBy(() -> AptLists.packageNames(root))
        .isInstanceOf(ChrootException.class)
        .hasMessageContaining("var/lib/apt/lists")
        .hasMessageContaining("_Packages");
  }
}
