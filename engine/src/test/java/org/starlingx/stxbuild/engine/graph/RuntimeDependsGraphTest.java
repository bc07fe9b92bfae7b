package org.starlingx.stxbuild.engine.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An in-tree build-dep brings its in-tree runtime dependencies: update's software build-depends on
 * python3-fm-api (fault's fm-api), whose Depends names fm-common (fault's fm-common). Installing
 * python3-fm-api in software's chroot needs fm-common from the session, so fm-common must be built
 * first and handed to the build, as StarlingX's dsc_depend.py orders it (get_runtime_depends).
 * Without it the corpus build failed: "python3-fm-api : Depends: fm-common but it is not
 * installable".
 */
class RuntimeDependsGraphTest {
  private static final String FM_COMMON =
      "Source: fm-common\nBuild-Depends: debhelper-compat (= 13), libjson-c-dev\n\n"
          + "Package: fm-common\nArchitecture: amd64\nDepends: ${shlibs:Depends}, ${misc:Depends}\n\n"
          + "Package: fm-common-dev\nArchitecture: amd64\nDepends: fm-common (= ${binary:Version})\n";
  private static final String FM_API =
      "Source: fm-api\nBuild-Depends: debhelper-compat (= 13), dh-python, python3-all\n\n"
          + "Package: python3-fm-api\nArchitecture: all\n"
          + "Depends: fm-common, ${python3:Depends}, ${misc:Depends}\n\n"
          + "Package: fm-api-wheel\nArchitecture: all\nDepends: ${python3:Depends}\n";
  private static final String SOFTWARE =
      "Source: software\nBuild-Depends: debhelper-compat (= 13), python3-fm-api, build-info-dev\n\n"
          + "Package: software\nArchitecture: all\nDepends: python3-fm-api\n";
  private static final String BUILD_INFO =
      "Source: build-info\nBuild-Depends: debhelper-compat (= 13)\n\n"
          + "Package: build-info-dev\nArchitecture: all\nPre-Depends: build-info\n\n"
          + "Package: build-info\nArchitecture: all\n";

  private static Map<String, DebControl> corpusLike() {
    Map<String, DebControl> sources = new LinkedHashMap<>();
    sources.put("software", DebControl.parse(SOFTWARE, "software/control"));
    sources.put("fm-api", DebControl.parse(FM_API, "fm-api/control"));
    sources.put("fm-common", DebControl.parse(FM_COMMON, "fm-common/control"));
    sources.put("build-info", DebControl.parse(BUILD_INFO, "build-info/control"));
    return sources;
  }

  @Test
  void theRuntimeDependsOfAnInTreeBuildDepAreBuiltFirst() {
    PackageGraph graph = PackageGraph.of(corpusLike(), "amd64");

    assertThat(graph.dependsOn("software")).containsExactly("build-info", "fm-api", "fm-common");
    assertThat(graph.topologicalOrder()).containsSubsequence("fm-common", "software");
  }

  @Test
  void onlyTheInstalledBinariesAreFollowedAndNeverBackToTheSourceItself() {
    PackageGraph graph = PackageGraph.of(corpusLike(), "amd64");

    // fm-api itself build-depends on nothing in the tree: its binaries' Depends are not its needs
    assertThat(graph.dependsOn("fm-api")).isEmpty();
    // fm-common-dev's Depends on fm-common is fm-common's own binary
    assertThat(graph.dependsOn("fm-common")).isEmpty();
  }

  @Test
  void aBinaryParagraphKeepsItsDependsAndPreDepends() {
    DebControl control = DebControl.parse(BUILD_INFO, "build-info/control");
    assertThat(control.binaries().get(0).depends())
        .extracting(r -> r.alternatives().get(0).name())
        .containsExactly("build-info");
  }
}
