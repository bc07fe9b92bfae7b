package org.starlingx.stxbuild.engine.chroot;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.starlingx.stxbuild.engine.graph.DebControl;
import org.starlingx.stxbuild.engine.graph.Relation;

/**
 * The Debian build-deps a tree's packages have most in common, to pre-install in the chroot they
 * build in (StarlingX's users pre-seed their pkgbuilder chroots for the same reason: installing
 * build-deps is most of a short package's build). A package is taken when at least {@code
 * minPackages} source packages of the build need it directly (Build-Depends, -Indep, -Arch; of
 * alternatives the first, as {@code apt-get build-dep} installs it), and it is a real package of
 * the codename's archive (a virtual one such as {@code debhelper-compat}, or one of another
 * repository, would make the chroot fail). The tree's own binary packages are never seeded: they
 * come from the build's session.
 *
 * <p>The result becomes part of the {@link ChrootSpec} (so of its cache key and of every result's
 * build environment): a package built in a chroot with another seed is built again, never reused.
 */
public final class TreeSeed {
  /** Needed by at least this many packages of the build (a tunable, not a correctness matter). */
  public static final int DEFAULT_MIN_PACKAGES = 3;

  private TreeSeed() {}

  /**
   * The chroot {@code base} plus the tree's common build-deps, those checked against the apt lists
   * of {@code base}'s own cached chroot (prepared first if needed).
   */
  public static ChrootSpec seeded(
      ChrootCache cache, ChrootSpec base, Collection<DebControl> controls, int minPackages) {
    Set<String> archive = AptLists.packageNames(cache.prepare(base, false).root());
    return base.plusSeedPackages(common(controls, base.arch(), archive::contains, minPackages));
  }

  /**
   * @param controls the build's source packages
   * @param arch the architecture built for (restrictions such as {@code [!amd64]} are honoured)
   * @param available whether a name is a real package of the codename's archive
   * @param minPackages how many source packages must need a package
   * @return the package names, sorted
   */
  public static List<String> common(
      Collection<DebControl> controls, String arch, Predicate<String> available, int minPackages) {
    if (minPackages < 1) {
      throw new IllegalArgumentException(
          "minimum of packages sharing a build-dep is " + minPackages + "; expected at least 1");
    }
    Set<String> inTree = new HashSet<>();
    for (DebControl control : controls) {
      control.binaries().forEach(b -> inTree.add(b.name()));
    }
    Map<String, Integer> users = new TreeMap<>();
    for (DebControl control : controls) {
      Set<String> needed = new HashSet<>();
      for (Relation relation : control.buildDepends()) {
        relation.alternatives().stream()
            .filter(a -> a.appliesTo(arch))
            .findFirst()
            .map(Relation.Alternative::name)
            .ifPresent(needed::add);
      }
      needed.forEach(name -> users.merge(name, 1, Integer::sum));
    }
    return users.entrySet().stream()
        .filter(e -> e.getValue() >= minPackages)
        .map(Map.Entry::getKey)
        .filter(name -> !inTree.contains(name))
        .filter(available)
        .sorted()
        .toList();
  }
}
