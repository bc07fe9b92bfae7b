package org.starlingx.stxbuild.engine.graph;

import java.util.Map;
import java.util.Set;

/** A tree plan as a Graphviz DOT graph: packages, in-tree build-dep edges, marks for downloads. */
public final class PackageGraphDot {
  private PackageGraphDot() {}

  public static String render(TreePlan plan) {
    StringBuilder dot =
        new StringBuilder("digraph packages {\n  rankdir=LR;\n  node [shape=box];\n");
    Set<String> critical = Set.copyOf(plan.criticalPath());
    for (TreePlan.Node node : plan.packages()) {
      dot.append("  ")
          .append(quote(node.name()))
          .append(" [label=")
          .append(quote(node.name() + "\n" + node.recipe().version()))
          .append(node.needsDownload() ? ", style=dashed" : "")
          .append(critical.contains(node.name()) ? ", color=red" : "")
          .append("];\n");
    }
    for (Map.Entry<String, Set<String>> entry : plan.edges().entrySet()) {
      for (String dependency : entry.getValue()) {
        dot.append("  ")
            .append(quote(entry.getKey()))
            .append(" -> ")
            .append(quote(dependency))
            .append(";\n");
      }
    }
    return dot.append("}\n").toString();
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
