package org.starlingx.stxbuild.engine.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables {@code src_path}, {@code src_files}, {@code SRC_DIR} and {@code revision.dist} are
 * expanded with, as Python's {@code os.path.expandvars} does in debrepack.py: {@code $NAME} and
 * {@code ${NAME}}, unknown names left as written. StarlingX's build container sets {@code
 * MY_REPO_ROOT_DIR} (the tree), {@code MY_REPO} ({@code <root>/cgcs-root}) and {@code STX_DIST}
 * ({@code .stx}); they default to those here and the caller's environment may override them.
 */
public final class TreeVariables {
  private static final Pattern VARIABLE =
      Pattern.compile("\\$(\\w+|\\{([^}]*)\\})", Pattern.UNICODE_CHARACTER_CLASS);

  private final Map<String, String> values;

  private TreeVariables(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /** StarlingX's defaults for {@code root}, then {@code environment} on top. */
  public static TreeVariables of(Path root, Map<String, String> environment) {
    Map<String, String> values = new HashMap<>();
    Path repo =
        root.getFileName() != null && root.getFileName().toString().equals("cgcs-root")
            ? root
            : Files.isDirectory(root.resolve("cgcs-root")) ? root.resolve("cgcs-root") : root;
    values.put(
        "MY_REPO_ROOT_DIR",
        repo.equals(root)
                && repo.getParent() != null
                && repo.getFileName().toString().equals("cgcs-root")
            ? repo.getParent().toString()
            : root.toString());
    values.put("MY_REPO", repo.toString());
    values.put("STX_DIST", ".stx");
    environment.forEach(
        (name, value) -> {
          if (value != null) {
            values.put(name, value);
          }
        });
    return new TreeVariables(values);
  }

  public String expand(String text) {
    if (text == null || text.indexOf('$') < 0) {
      return text;
    }
    Matcher matcher = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(2) != null ? matcher.group(2) : matcher.group(1);
      String value = values.get(name);
      matcher.appendReplacement(
          out, Matcher.quoteReplacement(value != null ? value : matcher.group()));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  public Map<String, String> values() {
    return values;
  }
}
