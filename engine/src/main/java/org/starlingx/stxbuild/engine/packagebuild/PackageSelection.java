package org.starlingx.stxbuild.engine.packagebuild;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.starlingx.stxbuild.engine.graph.PackageGraph;
import org.starlingx.stxbuild.engine.incremental.BuildHistory;

/**
 * Which packages a build with {@code --packages} builds (StarlingX's {@code build-pkgs -p}): the
 * named ones, plus every in-tree build-dep of theirs (transitively) that the line's last good build
 * does not hold; every other package the last good build holds is taken from it unchanged.
 */
public final class PackageSelection {
  /**
   * @param build the source packages to build
   * @param taken the packages taken from the last good build, with their entries
   */
  public record Chosen(Set<String> build, Map<String, BuildHistory.Entry> taken) {}

  private PackageSelection() {}

  public static Chosen choose(
      PackageGraph graph,
      Set<String> selection,
      BuildHistory history,
      Function<BuildHistory.Entry, Optional<List<java.nio.file.Path>>> filesOf) {
    if (selection.isEmpty()) {
      return new Chosen(graph.sources(), Map.of());
    }
    Set<String> unknown = new TreeSet<>(selection);
    unknown.removeAll(graph.sources());
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "--packages names "
              + String.join(", ", unknown)
              + ", not a source package of the tree's package lists for this build; expected"
              + " one of: "
              + String.join(" ", new TreeSet<>(graph.sources())));
    }
    Set<String> build = new LinkedHashSet<>(selection);
    for (String name : selection) {
      for (String dep : InTreeBuildDeps.closure(graph, name)) {
        Optional<BuildHistory.Entry> last = history.lastGood(dep);
        if (last.isEmpty() || filesOf.apply(last.get()).isEmpty()) {
          build.add(dep);
        }
      }
    }
    Map<String, BuildHistory.Entry> taken = new LinkedHashMap<>();
    for (String source : graph.topologicalOrder()) {
      if (!build.contains(source)) {
        history
            .lastGood(source)
            .filter(entry -> filesOf.apply(entry).isPresent())
            .ifPresent(entry -> taken.put(source, entry));
      }
    }
    return new Chosen(build, taken);
  }
}
