package org.starlingx.stxbuild.engine.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a file of shell variable assignments ({@code NAME=value}, {@code NAME="a b"}, {@code
 * NAME='a'}, comments, backslash-newline) without running a shell: StarlingX's image directives
 * files are {@code source}d by its scripts, but a build farm must not execute what a tree says. An
 * expansion ({@code $VAR}, {@code $(...)}, backquotes) or a command is refused, naming the line.
 */
public final class ShellAssignments {
  private ShellAssignments() {}

  public static Map<String, String> read(Path file) {
    try {
      return parse(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  static Map<String, String> parse(String text, String where) {
    Map<String, String> values = new LinkedHashMap<>();
    int i = 0;
    int line = 1;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        i++;
        continue;
      }
      if (c == ' ' || c == '\t' || c == ';') {
        i++;
        continue;
      }
      if (c == '#') {
        while (i < n && text.charAt(i) != '\n') {
          i++;
        }
        continue;
      }
      int start = i;
      while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
        i++;
      }
      String name = text.substring(start, i);
      if (name.equals("export") && i < n && text.charAt(i) == ' ') {
        continue;
      }
      if (name.isEmpty() || Character.isDigit(name.charAt(0)) || i >= n || text.charAt(i) != '=') {
        throw new IllegalArgumentException(
            where
                + ":"
                + line
                + ": expected a variable assignment NAME=value, found '"
                + text.substring(
                    start, text.indexOf('\n', start) < 0 ? n : text.indexOf('\n', start))
                + "'");
      }
      i++;
      StringBuilder value = new StringBuilder();
      boolean done = false;
      while (i < n && !done) {
        c = text.charAt(i);
        switch (c) {
          case '\'' -> {
            int end = text.indexOf('\'', i + 1);
            if (end < 0) {
              throw unterminated(where, line, name, "'");
            }
            String quoted = text.substring(i + 1, end);
            line += (int) quoted.chars().filter(ch -> ch == '\n').count();
            value.append(quoted);
            i = end + 1;
          }
          case '"' -> {
            i++;
            while (true) {
              if (i >= n) {
                throw unterminated(where, line, name, "\"");
              }
              char q = text.charAt(i);
              if (q == '"') {
                i++;
                break;
              }
              if (q == '\\' && i + 1 < n && "\"\\$`\n".indexOf(text.charAt(i + 1)) >= 0) {
                if (text.charAt(i + 1) == '\n') {
                  line++;
                } else {
                  value.append(text.charAt(i + 1));
                }
                i += 2;
                continue;
              }
              if (q == '$' || q == '`') {
                throw expansion(where, line, name);
              }
              if (q == '\n') {
                line++;
              }
              value.append(q);
              i++;
            }
          }
          case '\\' -> {
            if (i + 1 < n && text.charAt(i + 1) == '\n') {
              line++;
              i += 2;
              done = true;
            } else if (i + 1 < n) {
              value.append(text.charAt(i + 1));
              i += 2;
            } else {
              i++;
            }
          }
          case '$', '`' -> throw expansion(where, line, name);
          case ' ', '\t', '\n', ';' -> done = true;
          default -> {
            value.append(c);
            i++;
          }
        }
      }
      values.put(name, value.toString());
    }
    return values;
  }

  private static IllegalArgumentException unterminated(
      String where, int line, String name, String quote) {
    return new IllegalArgumentException(
        where + ":" + line + ": the value of " + name + " has no closing " + quote);
  }

  private static IllegalArgumentException expansion(String where, int line, String name) {
    return new IllegalArgumentException(
        where
            + ":"
            + line
            + ": the value of "
            + name
            + " uses a shell expansion ($ or `), which is not evaluated; expected a literal value");
  }
}
