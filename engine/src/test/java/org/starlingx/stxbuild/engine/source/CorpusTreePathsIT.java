package org.starlingx.stxbuild.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.starlingx.stxbuild.engine.exec.CommandRunner;

/**
 * The containment rule on real StarlingX repositories (the shared corpus, nobody here wrote them):
 * every package directory, meta_data.yaml, src_path, src_files entry and patch they name is
 * accepted, so the rule refuses hostile trees without refusing real ones.
 */
class CorpusTreePathsIT {
  private static final Path CORPUS = corpus();

  /** {@code -Dstx.corpus}, else {@code shared/starlingx-corpus} beside a parent directory. */
  private static Path corpus() {
    String given = System.getProperty("stx.corpus");
    if (given != null) {
      return Path.of(given).toAbsolutePath();
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared/starlingx-corpus");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return Path.of("/nonexistent/starlingx-corpus");
  }

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"integ", "utilities", "fault", "update"})
  void realTreesStayInsideThemselves(String repository) throws IOException {
    Path bundle = CORPUS.resolve(repository + ".bundle");
    assumeTrue(Files.isRegularFile(bundle), "no corpus at " + CORPUS);
    CommandRunner.run(dir, List.of("git", "clone", "-q", bundle.toString(), repository));
    Path root = dir.resolve(repository);
    TreePaths paths = TreePaths.of(root);
    List<String> refused = new ArrayList<>();
    int checks = 0;
    List<Path> lists;
    try (Stream<Path> walk = Files.walk(root, 4)) {
      lists =
          walk.filter(p -> p.getFileName().toString().matches("debian_(.+_)?pkg_dirs(_.+)?"))
              .filter(p -> !p.toString().contains("/.git/"))
              .toList();
    }
    for (Path list : lists) {
      for (String line : InputLimits.readLines(list, InputLimits.LIST_BYTES, "package list")) {
        String relative = line.replaceAll("#.*", "").strip();
        if (relative.isEmpty()) {
          continue;
        }
        try {
          Path pkg = paths.resolve(list.getParent(), relative, list, "package directory");
          checks++;
          List<Path> metas;
          try (Stream<Path> walk = Files.walk(pkg.resolve("debian"), 2)) {
            metas = walk.filter(p -> p.getFileName().toString().equals("meta_data.yaml")).toList();
          }
          for (Path meta : metas) {
            paths.contained(meta, meta, "meta_data.yaml");
            checks++;
            MetaData data;
            try {
              data = MetaData.read(meta);
            } catch (SourceLayoutException notOurRule) {
              continue; // metadata this reader does not know yet is another issue's concern
            }
            if (data.srcPath() != null) {
              paths.resolve(pkg, data.srcPath(), meta, "src_path");
              checks++;
            }
            for (String file : data.srcFiles()) {
              paths.resolve(pkg, file, meta, "src_files");
              checks++;
            }
          }
          for (String kind : List.of("patches", "deb_patches")) {
            Path patches = pkg.resolve("debian").resolve(kind);
            if (Files.isDirectory(patches)) {
              try (Stream<Path> files = Files.list(patches)) {
                for (Path patch : files.toList()) {
                  paths.contained(patch, patches.resolve("series"), kind);
                  checks++;
                }
              }
            }
          }
        } catch (SourceLayoutException e) {
          refused.add(e.getMessage());
        }
      }
    }
    System.out.printf("%s: %d path checks, %d refused%n", repository, checks, refused.size());
    assertThat(checks).isGreaterThan(10);
    assertThat(refused).isEmpty();
  }
}
