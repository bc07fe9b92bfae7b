package org.starlingx.stxbuild.engine.packagebuild;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;
import org.starlingx.stxbuild.engine.source.LocalMirrorFetcher;

/** The sample StarlingX tree shipped in samples/, copied so a test may change it. */
final class SampleTree {
  static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
  static final Path TREE = REPOSITORY.resolve("samples").resolve("stx-sample-tree");
  static final Path UPSTREAM = REPOSITORY.resolve("samples").resolve("stx-sample-upstream");
  static final String UPSTREAM_HOST = "https://downloads.starlingx-build.invalid/";

  private SampleTree() {}

  static Path copyTo(Path target) throws IOException {
    try (Stream<Path> walk = Files.walk(TREE)) {
      for (Path source : walk.toList()) {
        Path copy = target.resolve(TREE.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(source, copy, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        }
      }
    }
    return target;
  }

  /** A mirror that fills itself from the sample's upstream copy, checksums verified. */
  static LocalMirrorFetcher mirror(Path dir) {
    return new LocalMirrorFetcher(dir, Map.of(UPSTREAM_HOST, UPSTREAM.toUri().toString()));
  }
}
