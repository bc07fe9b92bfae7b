package org.starlingx.stxbuild.engine.packagebuild;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.starlingx.stxbuild.engine.graph.PackageGraph;

/** The in-tree source packages a package needs installed to build: its build-deps, transitively. */
public final class InTreeBuildDeps {
  private InTreeBuildDeps() {}

  /** Every source package reachable from {@code source} through build-deps, {@code source} not. */
  public static List<String> closure(PackageGraph graph, String source) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(graph.dependsOn(source));
    while (!todo.isEmpty()) {
      String next = todo.pop();
      if (!next.equals(source) && seen.add(next)) {
        todo.addAll(graph.dependsOn(next));
      }
    }
    return new ArrayList<>(seen);
  }
}
