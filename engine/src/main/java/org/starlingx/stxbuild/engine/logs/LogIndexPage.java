package org.starlingx.stxbuild.engine.logs;

import java.util.List;

/**
 * The HTML index of one build's logs: a plain page a browser opens without any access to the
 * cluster, linking each log by a relative link.
 */
public final class LogIndexPage {
  private LogIndexPage() {}

  public static String render(String title, List<StepLog> logs) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    html.append("<title>").append(escape(title)).append("</title>\n");
    html.append(
        "<style>body{font-family:sans-serif;margin:2em}td,th{padding:.3em 1em;text-align:left}"
            + ".failed{color:#b00}.success{color:#070}</style>\n");
    html.append("</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n");
    html.append("<table>\n<tr><th>step log</th><th>outcome</th></tr>\n");
    for (StepLog log : logs) {
      html.append("<tr><td><a href=\"")
          .append(escape(log.name()))
          .append("\">")
          .append(escape(log.name()))
          .append("</a></td><td class=\"")
          .append(escape(log.outcome()))
          .append("\">")
          .append(escape(log.outcome()))
          .append("</td></tr>\n");
    }
    html.append("</table>\n</body>\n</html>\n");
    return html.toString();
  }

  /** Escapes text for HTML content and attribute values. */
  public static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
