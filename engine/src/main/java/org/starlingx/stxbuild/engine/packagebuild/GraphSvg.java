package org.starlingx.stxbuild.engine.packagebuild;

import static org.starlingx.stxbuild.engine.logs.LogIndexPage.escape;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.starlingx.stxbuild.engine.schedule.TaskResult;

/**
 * The package graph as inline SVG, laid out in layers by build level (a package's column is one
 * more than its deepest dependency's), left to right, each column ordered by where its dependencies
 * sit so edges cross less. Only drawn up to {@link #MAX_PACKAGES}: beyond that no layout stays
 * readable on a page and the timeline and tables say more.
 */
final class GraphSvg {
  static final int MAX_PACKAGES = 60;
  private static final int NODE = 22;
  private static final int GAP = 8;
  private static final int COLUMN_GAP = 60;
  private static final double CHAR_WIDTH = 6.6;

  private GraphSvg() {}

  /** The SVG, or empty when the graph has more than {@link #MAX_PACKAGES} packages. */
  static Optional<String> render(
      Map<String, Set<String>> dependsOn, Map<String, TaskResult> results, List<String> critical) {
    if (dependsOn.isEmpty() || dependsOn.size() > MAX_PACKAGES) {
      return Optional.empty();
    }
    Map<String, Integer> level = new HashMap<>();
    dependsOn.keySet().forEach(p -> level(p, dependsOn, level));
    TreeMap<Integer, List<String>> columns = new TreeMap<>();
    dependsOn.keySet().stream()
        .sorted()
        .forEach(p -> columns.computeIfAbsent(level.get(p), k -> new ArrayList<>()).add(p));
    Map<String, Integer> row = new HashMap<>();
    Map<String, double[]> box = new HashMap<>(); // x, y, width
    double x = 10;
    int maxRows = 0;
    for (List<String> column : columns.values()) {
      column.sort(
          Comparator.comparingDouble((String p) -> barycenter(p, dependsOn, row))
              .thenComparing(Comparator.naturalOrder()));
      double width = 0;
      for (String p : column) {
        width = Math.max(width, p.length() * CHAR_WIDTH + 14);
      }
      for (int i = 0; i < column.size(); i++) {
        row.put(column.get(i), i);
        box.put(column.get(i), new double[] {x, 10 + i * (NODE + GAP), width});
      }
      maxRows = Math.max(maxRows, column.size());
      x += width + COLUMN_GAP;
    }
    int width = (int) Math.ceil(x - COLUMN_GAP + 10);
    int height = 20 + maxRows * (NODE + GAP);
    StringBuilder svg = new StringBuilder();
    svg.append("<svg class=\"graph\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" font-family=\"sans-serif\" font-size=\"11\" role=\"img\"")
        .append(" aria-label=\"package graph by build level\">\n")
        .append("<defs><marker id=\"arrow\" viewBox=\"0 0 8 8\" refX=\"8\" refY=\"4\"")
        .append(" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto\">")
        .append("<path d=\"M0,0 L8,4 L0,8 z\" fill=\"#888\"/></marker></defs>\n");
    for (Map.Entry<String, Set<String>> e : dependsOn.entrySet()) {
      double[] to = box.get(e.getKey());
      for (String dep : e.getValue().stream().sorted().toList()) {
        double[] from = box.get(dep);
        if (from == null) {
          continue;
        }
        boolean onPath = consecutive(critical, dep, e.getKey());
        double x1 = from[0] + from[2];
        double y1 = from[1] + NODE / 2.0;
        double x2 = to[0];
        double y2 = to[1] + NODE / 2.0;
        double mid = (x1 + x2) / 2;
        svg.append("<path d=\"M")
            .append(TimelineSvg.fmt(x1))
            .append(',')
            .append(TimelineSvg.fmt(y1))
            .append(" C")
            .append(TimelineSvg.fmt(mid))
            .append(',')
            .append(TimelineSvg.fmt(y1))
            .append(' ')
            .append(TimelineSvg.fmt(mid))
            .append(',')
            .append(TimelineSvg.fmt(y2))
            .append(' ')
            .append(TimelineSvg.fmt(x2))
            .append(',')
            .append(TimelineSvg.fmt(y2))
            .append("\" fill=\"none\" stroke=\"")
            .append(onPath ? "#111" : "#aaa")
            .append("\" stroke-width=\"")
            .append(onPath ? "2" : "1")
            .append("\" marker-end=\"url(#arrow)\"/>\n");
      }
    }
    for (String p : dependsOn.keySet()) {
      double[] b = box.get(p);
      TaskResult result = results.get(p);
      TaskResult.State state = result == null ? TaskResult.State.ABORTED : result.state();
      boolean onPath = critical.contains(p);
      svg.append("<g><title>")
          .append(escape(p + ": " + state.name().toLowerCase()))
          .append("</title><rect x=\"")
          .append(TimelineSvg.fmt(b[0]))
          .append("\" y=\"")
          .append(TimelineSvg.fmt(b[1]))
          .append("\" width=\"")
          .append(TimelineSvg.fmt(b[2]))
          .append("\" height=\"")
          .append(NODE)
          .append("\" rx=\"4\" fill=\"")
          .append(fill(state))
          .append("\" stroke=\"")
          .append(onPath ? "#111" : "#fff")
          .append("\" stroke-width=\"")
          .append(onPath ? "2.5" : "1")
          .append("\"/><text x=\"")
          .append(TimelineSvg.fmt(b[0] + 7))
          .append("\" y=\"")
          .append(TimelineSvg.fmt(b[1] + NODE - 7))
          .append("\" fill=\"#fff\">")
          .append(escape(p))
          .append("</text></g>\n");
    }
    return Optional.of(svg.append("</svg>\n").toString());
  }

  private static boolean consecutive(List<String> path, String first, String second) {
    int i = path.indexOf(first);
    return i >= 0 && i + 1 < path.size() && path.get(i + 1).equals(second);
  }

  private static double barycenter(
      String p, Map<String, Set<String>> dependsOn, Map<String, Integer> row) {
    return dependsOn.get(p).stream().mapToInt(d -> row.getOrDefault(d, 0)).average().orElse(0);
  }

  private static int level(
      String p, Map<String, Set<String>> dependsOn, Map<String, Integer> level) {
    Integer known = level.get(p);
    if (known != null) {
      return known;
    }
    level.put(p, 0); // a cycle (never in a scheduled graph) must not recurse forever
    int value = 0;
    for (String dep : dependsOn.getOrDefault(p, Set.of())) {
      if (dependsOn.containsKey(dep)) {
        value = Math.max(value, level(dep, dependsOn, level) + 1);
      }
    }
    level.put(p, value);
    return value;
  }

  static String fill(TaskResult.State state) {
    return switch (state) {
      case BUILT -> "#3a8f5c";
      case REUSED -> "#6b8fb3";
      case FAILED -> "#c8312b";
      case SKIPPED -> "#d08a1e";
      case ABORTED -> "#999";
    };
  }
}
