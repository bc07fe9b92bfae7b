package org.starlingx.stxbuild.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.starlingx.stxbuild.engine.graph.PackageGraphDot;
import org.starlingx.stxbuild.engine.graph.TreePlan;
import org.starlingx.stxbuild.engine.source.RefusedEntry;
import org.starlingx.stxbuild.engine.source.StxDistribution;
import org.starlingx.stxbuild.engine.source.StxSourceTree;
import org.starlingx.stxbuild.engine.source.TreeReading;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stx-build plan}: reads a whole tree offline and says what a build would do. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Reads the whole tree as StarlingX does, without network, and prints every package (repo,"
          + " dir, name, kind, version), every refused entry (repo, dir, file, field, reason),"
          + " in-tree build-dep edges, external build-deps, build-deps whose producer was refused,"
          + " cycles and how circular_dep.conf breaks them, the build order and the critical path.",
      "Exit 0 when every entry is accepted, 1 when any was refused."
    })
final class PlanCommand implements Callable<Integer> {
  @Option(names = "--tree", required = true, description = "The StarlingX root.")
  Path tree;

  @Option(
      names = "--dist",
      description =
          "bullseye or trixie (default: $DIST, else the tree's own lists, else bullseye).")
  String dist;

  @Option(
      names = "--build-types",
      split = ",",
      defaultValue = "std",
      description = "Build types, comma-separated (default: ${DEFAULT-VALUE}).")
  List<String> buildTypes;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text, json or dot (default: ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() throws Exception {
    if (!java.nio.file.Files.isDirectory(tree)) {
      throw new IllegalArgumentException("--tree " + tree + " is not a directory");
    }
    if (!List.of("text", "json", "dot").contains(format)) {
      throw new IllegalArgumentException("--format " + format + ": expected text, json or dot");
    }
    String codename = StxDistribution.resolve(dist, System.getenv(), tree);
    StxSourceTree source = StxSourceTree.open(tree);
    TreeReading reading = source.read(codename, buildTypes);
    TreePlan plan =
        TreePlan.of(
            reading, "amd64", source.root().resolve("cgcs-root/build-tools/stx/circular_dep.conf"));
    switch (format) {
      case "json" ->
          System.out.println(
              new ObjectMapper()
                  .enable(SerializationFeature.INDENT_OUTPUT)
                  .writeValueAsString(json(plan)));
      case "dot" -> System.out.print(PackageGraphDot.render(plan));
      default -> text(plan);
    }
    if (reading.packages().isEmpty()) {
      System.err.println("no packages accepted in " + tree + " for " + codename);
      return 1;
    }
    return reading.refused().isEmpty() ? 0 : 1;
  }

  private static Map<String, Object> json(TreePlan plan) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("codename", plan.reading().codename());
    out.put("buildTypes", plan.reading().buildTypes());
    List<Map<String, Object>> packages = new ArrayList<>();
    for (TreePlan.Node node : plan.packages()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("repo", node.recipe().details().repository());
      p.put("dir", node.recipe().relativeDir());
      p.put("name", node.name());
      p.put("kind", node.recipe().kind().name().toLowerCase(java.util.Locale.ROOT));
      p.put("version", node.recipe().version());
      p.put("buildType", node.recipe().details().buildType());
      p.put("layers", node.recipe().details().layers());
      p.put("serial", node.recipe().meta().serial());
      p.put("needsDownload", node.needsDownload());
      p.put("dependsOn", plan.edges().getOrDefault(node.name(), java.util.Set.of()));
      p.put("externalBuildDeps", plan.external().getOrDefault(node.name(), java.util.Set.of()));
      p.put(
          "missingProducers",
          plan.missingProducers().getOrDefault(node.name(), java.util.Set.of()));
      packages.add(p);
    }
    out.put("packages", packages);
    List<Map<String, Object>> refused = new ArrayList<>();
    for (RefusedEntry r : plan.reading().refused()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("repo", r.repository());
      e.put("dir", r.dir());
      e.put("buildType", r.buildType());
      e.put("file", r.file());
      e.put("field", r.field());
      e.put("reason", r.reason());
      refused.add(e);
    }
    out.put("refused", refused);
    out.put("cycles", plan.cycles());
    out.put("buildOrder", plan.buildOrder());
    out.put("criticalPath", plan.criticalPath());
    return out;
  }

  private static void text(TreePlan plan) {
    TreeReading reading = plan.reading();
    System.out.println(
        "tree read for "
            + reading.codename()
            + " ("
            + String.join(",", reading.buildTypes())
            + "): "
            + reading.packages().size()
            + " accepted, "
            + reading.refused().size()
            + " refused");
    for (TreePlan.Node node : plan.packages()) {
      System.out.printf(
          "package %s/%s: %s %s (%s)%s%n",
          node.recipe().details().repository(),
          node.recipe().relativeDir(),
          node.name(),
          node.recipe().version(),
          node.recipe().kind().name().toLowerCase(java.util.Locale.ROOT),
          node.needsDownload() ? " [needs download: packaging comes with it]" : "");
      var deps = plan.edges().getOrDefault(node.name(), java.util.Set.of());
      if (!deps.isEmpty()) {
        System.out.println("  after: " + String.join(" ", deps));
      }
      var ext = plan.external().getOrDefault(node.name(), java.util.Set.of());
      if (!ext.isEmpty()) {
        System.out.println("  external build-deps: " + String.join(" ", ext));
      }
      var missing = plan.missingProducers().getOrDefault(node.name(), java.util.Set.of());
      if (!missing.isEmpty()) {
        System.out.println("  build-deps whose producer was refused: " + String.join(" ", missing));
      }
    }
    reading.refused().forEach(r -> System.out.println("refused " + r.message()));
    for (TreePlan.Cycle cycle : plan.cycles()) {
      System.out.println(
          "cycle: "
              + String.join(" ", cycle.members())
              + " — "
              + (cycle.brokenBy() == null
                  ? "not broken by circular_dep.conf"
                  : "broken by " + cycle.brokenBy()));
    }
    System.out.println("build order: " + String.join(" ", plan.buildOrder()));
    System.out.println("critical path: " + String.join(" -> ", plan.criticalPath()));
  }
}
