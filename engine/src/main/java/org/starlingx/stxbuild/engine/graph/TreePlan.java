package org.starlingx.stxbuild.engine.graph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.starlingx.stxbuild.engine.source.PackageRecipe;
import org.starlingx.stxbuild.engine.source.RefusedEntry;
import org.starlingx.stxbuild.engine.source.TreeReading;

/**
 * What a build of a whole tree would do, worked out offline: every package and refused entry,
 * in-tree build-dependency edges, external build-deps, build-deps whose in-tree producer was
 * refused, cycles and the {@code circular_dep.conf} set that breaks each, the build order and the
 * critical path. Packages whose packaging comes with a download (an upstream .dsc, a tarball
 * carrying its own debian/, a hook) are listed and marked: their edges need that download.
 */
public record TreePlan(
    TreeReading reading,
    List<Node> packages,
    Map<String, Set<String>> edges,
    Map<String, Set<String>> external,
    Map<String, Set<String>> missingProducers,
    List<Cycle> cycles,
    List<String> buildOrder,
    List<String> criticalPath) {

  /** One package of the plan. */
  public record Node(PackageRecipe recipe, boolean needsDownload) {
    public String name() {
      return recipe.name();
    }
  }

  /** A dependency cycle and the circular_dep.conf entry that breaks it (null: none). */
  public record Cycle(List<String> members, String brokenBy) {}

  public static TreePlan of(TreeReading reading, String arch, Path circularDepConf) {
    Map<String, PackageRecipe> byName = new LinkedHashMap<>();
    List<Node> nodes = new ArrayList<>();
    Map<String, DebControl> controls = new LinkedHashMap<>();
    for (PackageRecipe recipe : reading.packages()) {
      if (byName.putIfAbsent(recipe.name(), recipe) != null) {
        continue; // the same package in std and rt lists
      }
      Path control = recipe.debFolder() == null ? null : recipe.debFolder().resolve("control");
      boolean readable = control != null && Files.isRegularFile(control);
      DebControl parsed = null;
      if (readable) {
        try {
          parsed = DebControl.read(control);
        } catch (RuntimeException e) {
          readable = false;
        }
      }
      nodes.add(new Node(recipe, !readable));
      if (parsed != null) {
        controls.put(recipe.name(), parsed);
      }
    }
    Map<String, String> producer = new HashMap<>();
    controls.forEach(
        (source, control) ->
            control.binaries().forEach(b -> producer.putIfAbsent(b.name(), source)));
    // A refused entry's binaries are known where its packaging could still be read; otherwise
    // StarlingX's convention (the directory is named after the source package, its binaries
    // after it) is the best guess there is.
    Set<String> refusedBinaries = new TreeSet<>();
    Set<String> refusedNames = new TreeSet<>();
    for (RefusedEntry refused : reading.refused()) {
      if (refused.binaries().isEmpty()) {
        refusedNames.add(Path.of(refused.dir()).getFileName().toString());
      } else {
        refusedBinaries.addAll(refused.binaries());
      }
    }
    Map<String, Set<String>> edges = new LinkedHashMap<>();
    Map<String, Set<String>> external = new LinkedHashMap<>();
    Map<String, Set<String>> missing = new LinkedHashMap<>();
    for (Node node : nodes) {
      edges.put(node.name(), new TreeSet<>());
    }
    controls.forEach(
        (source, control) -> {
          for (Relation relation : control.buildDepends()) {
            String chosen = null;
            String first = null;
            for (Relation.Alternative alternative : relation.alternatives()) {
              if (!alternative.appliesTo(arch)) {
                continue;
              }
              first = first == null ? alternative.name() : first;
              if (producer.containsKey(alternative.name())) {
                chosen = producer.get(alternative.name());
                break;
              }
            }
            if (chosen != null && !chosen.equals(source)) {
              edges.get(source).add(chosen);
            } else if (chosen == null && first != null) {
              String dep = first;
              boolean refusedProducer =
                  refusedBinaries.contains(dep)
                      || refusedNames.contains(dep)
                      || refusedNames.stream().anyMatch(r -> dep.startsWith(r + "-"));
              (refusedProducer ? missing : external)
                  .computeIfAbsent(source, s -> new TreeSet<>())
                  .add(dep);
            }
          }
        });
    List<List<String>> components = stronglyConnected(edges);
    List<CircularSet> sets = CircularSet.read(circularDepConf);
    List<Cycle> cycles = new ArrayList<>();
    for (List<String> component : components) {
      if (component.size() > 1) {
        String brokenBy =
            sets.stream()
                .filter(set -> set.members().containsAll(component))
                .findFirst()
                .map(
                    set ->
                        "SRC SET: "
                            + String.join(" ", set.members())
                            + " / BUILD ORDER: "
                            + String.join(" ", set.order()))
                .orElse(null);
        cycles.add(new Cycle(component, brokenBy));
      }
    }
    // Tarjan yields components dependencies first: that is the build order
    List<String> order = new ArrayList<>();
    components.forEach(order::addAll);
    Map<String, Integer> depth = new HashMap<>();
    Map<String, String> via = new HashMap<>();
    for (String name : order) {
      int best = 0;
      String from = null;
      for (String dep : edges.getOrDefault(name, Set.of())) {
        Integer d = depth.get(dep);
        if (d != null && d > best) {
          best = d;
          from = dep;
        }
      }
      depth.put(name, best + 1);
      via.put(name, from);
    }
    String end = order.stream().max((a, b) -> depth.get(a) - depth.get(b)).orElse(null);
    List<String> critical = new ArrayList<>();
    for (String n = end; n != null; n = via.get(n)) {
      critical.add(0, n);
    }
    return new TreePlan(reading, nodes, edges, external, missing, cycles, order, critical);
  }

  /** Tarjan's algorithm; components come out dependencies first. */
  private static List<List<String>> stronglyConnected(Map<String, Set<String>> edges) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new LinkedHashSet<>();
    List<List<String>> result = new ArrayList<>();
    int[] counter = {0};
    for (String node : edges.keySet()) {
      if (!index.containsKey(node)) {
        connect(node, edges, index, low, stack, onStack, result, counter);
      }
    }
    return result;
  }

  private static void connect(
      String node,
      Map<String, Set<String>> edges,
      Map<String, Integer> index,
      Map<String, Integer> low,
      Deque<String> stack,
      Set<String> onStack,
      List<List<String>> result,
      int[] counter) {
    index.put(node, counter[0]);
    low.put(node, counter[0]);
    counter[0]++;
    stack.push(node);
    onStack.add(node);
    for (String next : edges.getOrDefault(node, Set.of())) {
      if (!index.containsKey(next)) {
        connect(next, edges, index, low, stack, onStack, result, counter);
        low.put(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.contains(next)) {
        low.put(node, Math.min(low.get(node), index.get(next)));
      }
    }
    if (low.get(node).equals(index.get(node))) {
      List<String> component = new ArrayList<>();
      String member;
      do {
        member = stack.pop();
        onStack.remove(member);
        component.add(member);
      } while (!member.equals(node));
      component.sort(String::compareTo);
      result.add(component);
    }
  }

  /** One SRC SET / BUILD ORDER pair of StarlingX's circular_dep.conf. */
  public record CircularSet(Set<String> members, List<String> order) {
    static List<CircularSet> read(Path conf) {
      List<CircularSet> sets = new ArrayList<>();
      if (conf == null || !Files.isRegularFile(conf)) {
        return sets;
      }
      try {
        Set<String> members = null;
        for (String line : Files.readAllLines(conf)) {
          String text = line.strip();
          if (text.startsWith("SRC SET:")) {
            members = new TreeSet<>(List.of(text.substring(8).strip().split("\\s+")));
          } else if (text.startsWith("BUILD ORDER:") && members != null) {
            sets.add(new CircularSet(members, List.of(text.substring(12).strip().split("\\s+"))));
            members = null;
          }
        }
      } catch (IOException e) {
        return sets;
      }
      return sets;
    }
  }
}
