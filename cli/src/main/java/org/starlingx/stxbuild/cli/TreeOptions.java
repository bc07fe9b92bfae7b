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
      defaultValue = "bookworm",
      description = "Distribution (default: ${DEFAULT-VALUE}).")
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

  SourceFetcher fetcher(RepositoryOptions repository) {
    return repository.usesPulp()
        ? new PulpMirrorFetcher(repository.pulp(), rewrites)
        : new LocalMirrorFetcher(mirror, rewrites);
  }
}
