package org.starlingx.stxbuild.engine.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The Debian codenames StarlingX builds, and how a command picks one as StarlingX's discovery.py
 * does: an explicit choice, else {@code $DIST}, else the tree's own: the one codename it has
 * codenamed lists for, otherwise StarlingX's default, bullseye (read from the old-style lists too).
 */
public final class StxDistribution {
  /** StarlingX's STX_DISTRO_DICT for debian, in its order. */
  public static final List<String> KNOWN = List.of("bullseye", "trixie");

  /** discovery.py's default when $DIST is not set. */
  public static final String DEFAULT = "bullseye";

  private StxDistribution() {}

  /** The codename, checked; anything else is refused with the list of known ones. */
  public static String check(String codename) {
    if (codename == null || !KNOWN.contains(codename.strip())) {
      throw new SourceLayoutException(
          "distribution '"
              + codename
              + "' is not one StarlingX builds; known: "
              + String.join(", ", KNOWN));
    }
    return codename.strip();
  }

  /**
   * The codename to read {@code tree} for: {@code explicit} if given, else {@code $DIST} from
   * {@code environment}, else the tree's.
   */
  public static String resolve(String explicit, Map<String, String> environment, Path tree) {
    if (explicit != null && !explicit.isBlank()) {
      return check(explicit);
    }
    String fromEnvironment = environment.get("DIST");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return check(fromEnvironment);
    }
    return fromTree(tree);
  }

  /** The only codename the tree has codenamed lists for, else StarlingX's default. */
  public static String fromTree(Path tree) {
    List<Path> repositories = StxSourceTree.open(tree).repositories();
    List<String> withLists =
        KNOWN.stream()
            .filter(
                codename ->
                    repositories.stream()
                        .anyMatch(
                            repo ->
                                Files.isRegularFile(
                                    repo.resolve("debian_" + codename + "_pkg_dirs_std"))))
            .toList();
    boolean oldStyle =
        repositories.stream()
            .anyMatch(repo -> Files.isRegularFile(repo.resolve("debian_pkg_dirs")));
    return withLists.size() == 1 && !oldStyle ? withLists.get(0) : DEFAULT;
  }
}
