package org.starlingx.stxbuild.engine.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One element of a Debian relationship field: alternatives separated by {@code |}, each a package
 * with an optional version constraint, architecture restriction and build profiles, e.g. {@code
 * libfoo-dev (>= 1.2) [amd64 !i386] <!nocheck> | libbar-dev:native}.
 *
 * @param alternatives at least one
 */
public record Relation(List<Alternative> alternatives) {
  /**
   * One alternative.
   *
   * @param name the package name (without {@code :any}/{@code :native} qualifier)
   * @param qualifier {@code any}, {@code native} or null
   * @param operator {@code <<}, {@code <=}, {@code =}, {@code >=}, {@code >>} or null
   * @param version the version compared against, or null
   * @param architectures the restriction list as written, e.g. {@code [amd64, !i386]}
   * @param profiles the build profile restrictions as written
   */
  public record Alternative(
      String name,
      String qualifier,
      String operator,
      String version,
      List<String> architectures,
      List<String> profiles) {
    /** Whether this alternative applies when building for {@code arch} (no profiles active). */
    public boolean appliesTo(String arch) {
      if (!architectures.isEmpty()) {
        boolean negated = architectures.get(0).startsWith("!");
        boolean listed = architectures.stream().anyMatch(a -> a.replace("!", "").equals(arch));
        if (negated ? listed : !listed) {
          return false;
        }
      }
      // A <!profile> term holds with no profile active; a <profile> term does not.
      for (String group : profiles) {
        boolean holds = true;
        for (String term : group.split("\\s+")) {
          if (!term.isBlank() && !term.startsWith("!")) {
            holds = false;
          }
        }
        if (holds) {
          return true;
        }
      }
      return profiles.isEmpty();
    }
  }

  private static final Pattern ALTERNATIVE =
      Pattern.compile(
          "^\\s*([a-z0-9][a-z0-9+.\\-]+)(?::([a-z0-9]+))?"
              + "\\s*(?:\\(\\s*(<<|<=|=|>=|>>|<|>)\\s*([^)\\s]+)\\s*\\))?"
              + "\\s*(?:\\[([^\\]]*)\\])?"
              + "\\s*((?:<[^>]*>\\s*)*)$");

  /** Parses a whole field; {@code where} names the file and field for errors. */
  public static List<Relation> parseList(String field, String where) {
    List<Relation> relations = new ArrayList<>();
    for (String element : field.replace("\n", " ").split(",")) {
      // A substitution variable alone (${misc:Depends}) is filled in by debhelper, not a package.
      if (element.replaceAll("\\$\\{[^}]*\\}", "").isBlank()) {
        continue;
      }
      List<Alternative> alternatives = new ArrayList<>();
      for (String alternative : element.split("\\|")) {
        alternatives.add(parseAlternative(alternative, where));
      }
      relations.add(new Relation(List.copyOf(alternatives)));
    }
    return relations;
  }

  private static Alternative parseAlternative(String text, String where) {
    String withoutSubstvars = text.replaceAll("\\$\\{[^}]*\\}", "").strip();
    Matcher m = ALTERNATIVE.matcher(withoutSubstvars);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          where
              + ": '"
              + text.strip()
              + "' is not a package relation; expected e.g."
              + " 'libfoo-dev (>= 1.0) [amd64]'");
    }
    List<String> archs = m.group(5) == null ? List.of() : List.of(m.group(5).strip().split("\\s+"));
    List<String> profiles = new ArrayList<>();
    Matcher p = Pattern.compile("<([^>]*)>").matcher(m.group(6) == null ? "" : m.group(6));
    while (p.find()) {
      profiles.add(p.group(1).strip());
    }
    return new Alternative(
        m.group(1), m.group(2), m.group(3), m.group(4), archs, List.copyOf(profiles));
  }
}
