package org.starlingx.stxbuild.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.starlingx.stxbuild.engine.source.LocalMirrorFetcher;
import org.starlingx.stxbuild.engine.source.PulpMirrorFetcher;
import org.starlingx.stxbuild.engine.source.SourceFetcher;
import org.starlingx.stxbuild.engine.source.StxSourceTree;
import picocli.CommandLine.Option;

/** Which source tree, distribution and build types a command works on, and the mirror. */
final class TreeOptions {
  @Option(names = "--tree", description = "The StarlingX source tree (required).")
  Path tree;

  @Option(
      names = "--dist",
      description =
          "Distribution StarlingX builds: bullseye or trixie (default: $DIST, else the tree's own"
              + " lists, else bullseye, as StarlingX picks).")
  String dist;

  @Option(
      names = "--build-types",
      split = ",",
      defaultValue = "std",
      description = "Build types, comma-separated: std, rt (default: ${DEFAULT-VALUE}).")
  List<String> buildTypes;

  @Option(
      names = "--mirror",
      defaultValue = "build-output/mirror",
      description = "Local download mirror (default: ${DEFAULT-VALUE}); with --pulp-url, Pulp's.")
  Path mirror;

  @Option(
      names = "--mirror-rewrite",
      description = "FROM=TO: fetch URLs starting with FROM from TO instead (repeatable).")
  Map<String, String> rewrites = new LinkedHashMap<>();

  StxSourceTree open() {
    if (tree == null) {
      throw new IllegalArgumentException("--tree is missing; give the StarlingX source tree");
    }
    if (!Files.isDirectory(tree)) {
      throw new IllegalArgumentException("--tree " + tree + " is not a directory");
    }
    return StxSourceTree.open(tree);
  }

  /** The codename to read the tree for, checked (unknown ones are refused with the list). */
  String codename() {
    if (dist == null) {
      dist =
          org.starlingx.stxbuild.engine.source.StxDistribution.resolve(null, System.getenv(), tree);
    }
    return org.starlingx.stxbuild.engine.source.StxDistribution.check(dist);
  }

  /** Prints every refused entry of the tree up front (as stx-build plan does); their count. */
  int printRefusals() {
    var reading = open().read(codename(), buildTypes);
    reading.refused().forEach(r -> System.err.println("refused: " + r.message()));
    if (!reading.refused().isEmpty()) {
      System.err.println(
          reading.refused().size()
              + " list entries refused for "
              + codename()
              + " (stx-build plan --tree "
              + tree
              + " --dist "
              + codename()
              + " shows the whole tree)");
    }
    return reading.refused().size();
  }

  SourceFetcher fetcher(RepositoryOptions repository) {
    return repository.usesPulp()
        ? new PulpMirrorFetcher(repository.pulp(), rewrites)
        : new LocalMirrorFetcher(mirror, rewrites);
  }
}
