package org.starlingx.stxbuild.engine.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PackageGraphTest {
  private static DebControl control(String source, String buildDepends, String... binaries) {
    StringBuilder text =
        new StringBuilder("Source: " + source + "\nBuild-Depends: " + buildDepends + "\n");
    for (String binary : binaries) {
      text.append("\nPackage: ").append(binary).append("\nArchitecture: any\n");
    }
    return DebControl.parse(text.toString(), source + "/debian/control");
  }

  @Test
  void edgesGoToTheSourceThatProducesABinaryAndExternalDepsAreListedApart() {
    Map<String, DebControl> sources = new LinkedHashMap<>();
    sources.put("app", control("app", "libstx-dev (>= 2), python3:any, armlib [armhf]", "app"));
    sources.put("lib", control("lib", "debhelper-compat (= 13)", "libstx-dev", "libstx1"));
    sources.put("armlib-src", control("armlib-src", "debhelper-compat (= 13)", "armlib"));
    PackageGraph graph = PackageGraph.of(sources, "amd64");
    assertThat(graph.dependsOn("app")).containsExactly("lib");
    assertThat(graph.externalDepends("app")).containsExactly("python3");
    assertThat(graph.topologicalOrder()).containsSubsequence("lib", "app");
    assertThat(PackageGraph.of(sources, "armhf").dependsOn("app"))
        .containsExactlyInAnyOrder("lib", "armlib-src");
  }

  @Test
  void cyclesAreReportedByName() {
    Map<String, DebControl> sources = new LinkedHashMap<>();
    sources.put("a", control("a", "b-dev", "a-dev"));
    sources.put("b", control("b", "c-dev", "b-dev"));
    sources.put("c", control("c", "a-dev", "c-dev"));
    assertThatThrownBy(() -> PackageGraph.of(sources, "amd64"))
        .isInstanceOf(CycleException.class)
        .hasMessage("build dependency cycle: a -> b -> c -> a");
  }

  @Test
  void theSampleTreeHasTheExpectedOrder() {
    var tree =
        org.starlingx.stxbuild.engine.source.StxSourceTree.open(
            java.nio.file.Path.of("")
                .toAbsolutePath()
                .getParent()
                .resolve("samples/stx-sample-tree"));
    Map<String, DebControl> sources = new LinkedHashMap<>();
    for (String type : java.util.List.of("std", "rt")) {
      tree.recipes("bullseye", type)
          .forEach(
              r ->
                  sources.put(
                      r.meta().debname(), DebControl.read(r.debFolder().resolve("control"))));
    }
    PackageGraph graph = PackageGraph.of(sources, "amd64");
    assertThat(sources).hasSize(10);
    // stx-sample-cli's binary Depends on python3-stx-sample: installing it needs that one too
    assertThat(graph.dependsOn("stx-sample-platform"))
        .containsExactlyInAnyOrder(
            "stx-hello", "stx-sample-cli", "stx-sample-config", "python3-stx-sample");
    assertThat(graph.dependsOn("stx-sample-cli")).containsExactly("python3-stx-sample");
    assertThat(graph.dependsOn("stx-sample-kmod-rt")).containsExactly("libstxsample");
    assertThat(graph.topologicalOrder())
        .containsSubsequence(
            "stx-sample-base", "stx-sample-tools", "stx-sample-config", "stx-sample-platform");
  }
}
