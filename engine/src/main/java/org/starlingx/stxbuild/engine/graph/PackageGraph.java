package org.starlingx.stxbuild.engine.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which source packages of the tree must be built before which: an edge from A to B when A
 * build-depends on a binary package that B produces. Dependencies that no package of the tree
 * produces are external (they come from the mirrors) and listed apart.
 */
public final class PackageGraph {
  private final Map<String, Set<String>> dependsOn;
  private final Map<String, Set<String>> external;
  private final Map<String, String> producer;

  private PackageGraph(
      Map<String, Set<String>> dependsOn,
      Map<String, Set<String>> external,
      Map<String, String> producer) {
    this.dependsOn = dependsOn;
    this.external = external;
    this.producer = producer;
  }

  /** Builds the graph for {@code arch} from each source package's control file. */
  public static PackageGraph of(Map<String, DebControl> sources, String arch) {
    Map<String, String> producer = new HashMap<>();
    sources.forEach(
        (source, control) -> {
          for (DebControl.Binary binary : control.binaries()) {
            String previous = producer.putIfAbsent(binary.name(), source);
            if (previous != null && !previous.equals(source)) {
              throw new IllegalArgumentException(
                  "binary package "
                      + binary.name()
                      + " is produced by both "
                      + previous
                      + " and "
                      + source);
            }
          }
        });
    Map<String, DebControl.Binary> binaryParagraphs = new HashMap<>();
    sources.values().forEach(c -> c.binaries().forEach(b -> binaryParagraphs.put(b.name(), b)));
    Map<String, Set<String>> dependsOn = new LinkedHashMap<>();
    Map<String, Set<String>> external = new LinkedHashMap<>();
    sources.forEach(
        (source, control) -> {
          Set<String> inTree = new TreeSet<>();
          Set<String> outside = new TreeSet<>();
          Set<String> inTreeBinaries = new TreeSet<>();
          for (Relation relation : control.buildDepends()) {
            // The first applicable alternative produced in the tree, else the relation is
            // satisfied from outside (as apt would pick the first installable one).
            String chosen = null;
            String firstApplicable = null;
            for (Relation.Alternative alternative : relation.alternatives()) {
              if (!alternative.appliesTo(arch)) {
                continue;
              }
              firstApplicable = firstApplicable == null ? alternative.name() : firstApplicable;
              if (producer.containsKey(alternative.name())) {
                chosen = producer.get(alternative.name());
                inTreeBinaries.add(alternative.name());
                break;
              }
            }
            if (chosen != null && !chosen.equals(source)) {
              inTree.add(chosen);
            } else if (chosen == null && firstApplicable != null) {
              outside.add(firstApplicable);
            }
          }
          // An installed in-tree build-dep brings its in-tree runtime dependencies (Depends,
          // Pre-Depends, transitively): those sources are needed first too, as StarlingX's
          // dsc_depend.py orders them (update's software: python3-fm-api Depends: fm-common).
          inTree.addAll(runtimeProducers(binaryParagraphs, producer, inTreeBinaries, source, arch));
          dependsOn.put(source, inTree);
          external.put(source, outside);
        });
    PackageGraph graph = new PackageGraph(dependsOn, external, producer);
    graph.topologicalOrder();
    return graph;
  }

  /**
   * Sources producing the in-tree runtime dependencies of the in-tree build-dep binaries {@code
   * installed}, followed transitively (every alternative, as dsc_depend.py's get_runtime_depends).
   */
  private static Set<String> runtimeProducers(
      Map<String, DebControl.Binary> binaries,
      Map<String, String> producer,
      Set<String> installed,
      String source,
      String arch) {
    Set<String> found = new TreeSet<>();
    Set<String> seen = new java.util.HashSet<>(installed);
    java.util.Deque<String> todo = new java.util.ArrayDeque<>(installed);
    while (!todo.isEmpty()) {
      DebControl.Binary binary = binaries.get(todo.pop());
      if (binary == null) {
        continue;
      }
      for (Relation relation : binary.depends()) {
        for (Relation.Alternative alternative : relation.alternatives()) {
          String other = producer.get(alternative.name());
          if (other != null && alternative.appliesTo(arch) && seen.add(alternative.name())) {
            todo.add(alternative.name());
            if (!other.equals(source)) {
              found.add(other);
            }
          }
        }
      }
    }
    return found;
  }

  public Set<String> sources() {
    return Collections.unmodifiableSet(dependsOn.keySet());
  }

  /** The in-tree source packages {@code source} needs built first. */
  public Set<String> dependsOn(String source) {
    return Collections.unmodifiableSet(dependsOn.getOrDefault(source, Set.of()));
  }

  /** Build dependencies of {@code source} that come from outside the tree. */
  public Set<String> externalDepends(String source) {
    return Collections.unmodifiableSet(external.getOrDefault(source, Set.of()));
  }

  /** The source package that produces a binary package, if the tree has it. */
  public String producerOf(String binary) {
    return producer.get(binary);
  }

  /** Every source after everything it depends on; a cycle is reported with its members. */
  public List<String> topologicalOrder() {
    List<String> order = new ArrayList<>();
    Set<String> done = new LinkedHashSet<>();
    Set<String> visiting = new LinkedHashSet<>();
    for (String source : dependsOn.keySet()) {
      visit(source, done, visiting, new ArrayList<>(), order);
    }
    return order;
  }

  private void visit(
      String source,
      Set<String> done,
      Set<String> visiting,
      List<String> path,
      List<String> order) {
    if (done.contains(source)) {
      return;
    }
    if (visiting.contains(source)) {
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(source), path.size()));
      cycle.add(source);
      throw new CycleException(cycle);
    }
    visiting.add(source);
    path.add(source);
    for (String dependency : dependsOn.getOrDefault(source, Set.of())) {
      visit(dependency, done, visiting, path, order);
    }
    path.remove(path.size() - 1);
    visiting.remove(source);
    done.add(source);
    order.add(source);
  }
}
