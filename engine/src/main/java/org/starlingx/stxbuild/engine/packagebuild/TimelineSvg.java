package org.starlingx.stxbuild.engine.packagebuild;

import static org.starlingx.stxbuild.engine.logs.LogIndexPage.escape;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.starlingx.stxbuild.engine.schedule.ScheduleReport;
import org.starlingx.stxbuild.engine.schedule.TaskAttempt;

/**
 * The build's timeline as inline SVG: one lane per worker, one bar per run of a package (its colour
 * says how it ended; a retry has a dashed outline, a failed worker a hatched bar), the critical
 * path outlined and joined. A bar's tooltip names the package, its run and where it went.
 */
final class TimelineSvg {
  static final int WIDTH = 1100;
  private static final int LABEL_WIDTH = 110;
  private static final int LANE = 26;
  private static final int BAR = 18;
  private static final int AXIS = 26;
  private static final double CHAR_WIDTH = 6.6;

  private TimelineSvg() {}

  static String render(
      ScheduleReport report, CriticalPath critical, Map<String, String> placements) {
    List<TaskAttempt> attempts = report.attempts();
    TreeSet<String> workers = new TreeSet<>(TimelineSvg::compareWorkers);
    attempts.forEach(a -> workers.add(a.worker()));
    Map<String, Integer> lane = new LinkedHashMap<>();
    workers.forEach(w -> lane.put(w, lane.size()));
    long end = report.makespanMillis();
    for (TaskAttempt a : attempts) {
      end = Math.max(end, a.endMillis());
    }
    double plot = WIDTH - LABEL_WIDTH - 20;
    double scale = plot / Math.max(end, 1);
    int height = AXIS + lane.size() * LANE + 40;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append("\" font-family=\"sans-serif\" font-size=\"11\" role=\"img\"")
        .append(" aria-label=\"timeline of the build, one lane per worker\">\n")
        .append("<defs><pattern id=\"infra\" width=\"6\" height=\"6\"")
        .append(" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">")
        .append("<rect width=\"6\" height=\"6\" fill=\"#f2a541\"/>")
        .append("<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#8a3b00\" stroke-width=\"3\"/>")
        .append("</pattern></defs>\n");
    axis(svg, end, scale, lane.size());
    for (Map.Entry<String, Integer> e : lane.entrySet()) {
      int y = AXIS + e.getValue() * LANE;
      svg.append("<text x=\"4\" y=\"")
          .append(y + BAR - 4)
          .append("\">")
          .append(escape(e.getKey()))
          .append("</text>\n");
    }
    Set<String> onPath = new HashSet<>(critical.packages());
    Map<String, TaskAttempt> lastOf = new LinkedHashMap<>();
    for (TaskAttempt a : attempts) {
      lastOf.merge(a.id(), a, (x, y) -> y.number() > x.number() ? y : x);
      double x = LABEL_WIDTH + a.startMillis() * scale;
      double w = Math.max(2, a.millis() * scale);
      int y = AXIS + lane.get(a.worker()) * LANE;
      boolean crit = onPath.contains(a.id());
      svg.append("<g><title>")
          .append(escape(tooltip(a, placements.get(a.key()), crit)))
          .append("</title><rect x=\"")
          .append(fmt(x))
          .append("\" y=\"")
          .append(y)
          .append("\" width=\"")
          .append(fmt(w))
          .append("\" height=\"")
          .append(BAR)
          .append("\" rx=\"2\" class=\"bar ")
          .append(a.kind().name().toLowerCase())
          .append("\" fill=\"")
          .append(fill(a.kind()))
          .append('"');
      if (crit) {
        svg.append(" stroke=\"#111\" stroke-width=\"2.5\"");
      } else {
        svg.append(" stroke=\"#fff\" stroke-width=\"0.5\"");
      }
      if (a.number() > 1) {
        svg.append(" stroke-dasharray=\"4 2\"");
      }
      svg.append("/>");
      String label = (a.number() > 1 ? "\u21bb" + a.number() + " " : "") + a.id();
      if (w >= label.length() * CHAR_WIDTH + 6) {
        svg.append("<text x=\"")
            .append(fmt(x + 3))
            .append("\" y=\"")
            .append(y + BAR - 5)
            .append("\" fill=\"")
            .append(a.kind() == TaskAttempt.Kind.INFRASTRUCTURE_FAILURE ? "#000" : "#fff")
            .append("\">")
            .append(escape(label))
            .append("</text>");
      } else if (a.kind() == TaskAttempt.Kind.INFRASTRUCTURE_FAILURE || a.number() > 1) {
        svg.append("<text x=\"")
            .append(fmt(x + w / 2 - 3))
            .append("\" y=\"")
            .append(y + BAR - 5)
            .append("\" fill=\"#000\">")
            .append(a.kind() == TaskAttempt.Kind.INFRASTRUCTURE_FAILURE ? "!" : "\u21bb")
            .append("</text>");
      }
      svg.append("</g>\n");
    }
    // The critical path joined: from the end of each package to the start of the next.
    List<String> points = new ArrayList<>();
    for (String id : critical.packages()) {
      TaskAttempt first = firstOf(attempts, id);
      TaskAttempt last = lastOf.get(id);
      if (first == null) {
        continue;
      }
      points.add(
          fmt(LABEL_WIDTH + first.startMillis() * scale)
              + ","
              + (AXIS + lane.get(first.worker()) * LANE + BAR / 2));
      points.add(
          fmt(LABEL_WIDTH + Math.max(last.endMillis() * scale, first.startMillis() * scale + 2))
              + ","
              + (AXIS + lane.get(last.worker()) * LANE + BAR / 2));
    }
    if (points.size() > 2) {
      // from each package's end to the next one's start, between the bars, not over their names
      StringBuilder path = new StringBuilder();
      for (int i = 1; i + 1 < points.size(); i += 2) {
        path.append('M').append(points.get(i)).append(" L").append(points.get(i + 1)).append(' ');
      }
      svg.append("<path class=\"critical-path\" fill=\"none\" stroke=\"#111\"")
          .append(" stroke-width=\"1.2\" stroke-dasharray=\"3 3\" d=\"")
          .append(path.toString().strip())
          .append("\"/>\n");
    }
    legend(svg, AXIS + lane.size() * LANE + 14);
    return svg.append("</svg>\n").toString();
  }

  private static TaskAttempt firstOf(List<TaskAttempt> attempts, String id) {
    return attempts.stream()
        .filter(a -> a.id().equals(id))
        .min(Comparator.comparingInt(TaskAttempt::number))
        .orElse(null);
  }

  private static void axis(StringBuilder svg, long end, double scale, int lanes) {
    long step = tickStep(end);
    for (long t = 0; t <= end; t += step) {
      double x = LABEL_WIDTH + t * scale;
      svg.append("<line x1=\"")
          .append(fmt(x))
          .append("\" y1=\"")
          .append(AXIS - 6)
          .append("\" x2=\"")
          .append(fmt(x))
          .append("\" y2=\"")
          .append(AXIS + lanes * LANE)
          .append("\" stroke=\"#ddd\"/><text x=\"")
          .append(fmt(x + 2))
          .append("\" y=\"")
          .append(AXIS - 10)
          .append("\" fill=\"#555\">")
          .append(tickLabel(t, step))
          .append("</text>\n");
    }
  }

  /** A tick every 1, 2, 5, 10, 15, 30 s, 1, 2, 5, 10, 15, 30 min, 1, 2, 4 h: at most 12 ticks. */
  static long tickStep(long end) {
    long[] steps = {
      1_000,
      2_000,
      5_000,
      10_000,
      15_000,
      30_000,
      60_000,
      120_000,
      300_000,
      600_000,
      900_000,
      1_800_000,
      3_600_000,
      7_200_000,
      14_400_000
    };
    for (long s : steps) {
      if (end / s <= 12) {
        return s;
      }
    }
    return steps[steps.length - 1] * Math.max(1, end / steps[steps.length - 1] / 12 + 1);
  }

  private static String tickLabel(long t, long step) {
    if (step < 60_000) {
      return t / 1000 + " s";
    }
    if (step < 3_600_000) {
      return t / 60_000 + " min";
    }
    return t / 3_600_000 + " h";
  }

  private static void legend(StringBuilder svg, int y) {
    String[][] items = {
      {"#3a8f5c", "built"},
      {"#6b8fb3", "reused"},
      {"#c8312b", "failed"},
      {"url(#infra)", "worker failed (retried elsewhere)"},
      {"#999", "aborted"},
    };
    double x = LABEL_WIDTH;
    for (String[] item : items) {
      svg.append("<rect x=\"")
          .append(fmt(x))
          .append("\" y=\"")
          .append(y)
          .append("\" width=\"14\" height=\"12\" fill=\"")
          .append(item[0])
          .append("\"/><text x=\"")
          .append(fmt(x + 18))
          .append("\" y=\"")
          .append(y + 10)
          .append("\">")
          .append(item[1])
          .append("</text>");
      x += 26 + item[1].length() * CHAR_WIDTH;
    }
    svg.append("<rect x=\"")
        .append(fmt(x))
        .append("\" y=\"")
        .append(y)
        .append("\" width=\"14\" height=\"12\" fill=\"#3a8f5c\" stroke-dasharray=\"4 2\"")
        .append(" stroke=\"#fff\"/><text x=\"")
        .append(fmt(x + 18))
        .append("\" y=\"")
        .append(y + 10)
        .append("\">\u21bb retry</text>");
    x += 26 + 7 * CHAR_WIDTH;
    svg.append("<rect x=\"")
        .append(fmt(x))
        .append("\" y=\"")
        .append(y)
        .append(
            "\" width=\"14\" height=\"12\" fill=\"#fff\" stroke=\"#111\" stroke-width=\"2.5\"/>")
        .append("<text x=\"")
        .append(fmt(x + 18))
        .append("\" y=\"")
        .append(y + 10)
        .append("\">critical path</text>\n");
  }

  static String fill(TaskAttempt.Kind kind) {
    return switch (kind) {
      case BUILT -> "#3a8f5c";
      case REUSED -> "#6b8fb3";
      case FAILED -> "#c8312b";
      case INFRASTRUCTURE_FAILURE -> "url(#infra)";
      case ABORTED -> "#999";
    };
  }

  private static String tooltip(TaskAttempt a, String placement, boolean critical) {
    StringBuilder text = new StringBuilder(a.id());
    text.append(" (run ").append(a.number()).append(") on ").append(a.worker());
    if (placement != null && !placement.isEmpty()) {
      text.append(", ").append(placement);
    }
    text.append(": ")
        .append(a.kind().name().toLowerCase().replace('_', ' '))
        .append(", ")
        .append(Durations.format(a.startMillis()))
        .append(" to ")
        .append(Durations.format(a.endMillis()))
        .append(" (")
        .append(Durations.format(a.millis()))
        .append(')');
    if (!a.reason().isEmpty()) {
      text.append(": ").append(a.reason());
    }
    if (critical) {
      text.append(" [critical path]");
    }
    return text.toString();
  }

  /** worker-2 before worker-10. */
  private static int compareWorkers(String a, String b) {
    String pa = a.replaceAll("\\d+$", "");
    String pb = b.replaceAll("\\d+$", "");
    if (pa.equals(pb) && a.length() > pa.length() && b.length() > pb.length()) {
      return Long.compare(
          Long.parseLong(a.substring(pa.length())), Long.parseLong(b.substring(pb.length())));
    }
    return a.compareTo(b);
  }

  static String fmt(double v) {
    return v == Math.rint(v)
        ? Long.toString((long) v)
        : String.format(java.util.Locale.ROOT, "%.1f", v);
  }
}
