package org.starlingx.stxbuild.engine.source;

import java.net.URI;
import java.nio.file.Path;
import org.starlingx.stxbuild.engine.repo.MirrorDownload;

/**
 * Gets 3rd-party files through the mirror: a file the mirror holds with the expected checksum is
 * never fetched from upstream again; a file whose checksum does not match is refused and not kept.
 */
public interface SourceFetcher {
  /** Whether {@link #ensure} found the file in the mirror or had to fetch it. */
  enum Outcome {
    ALREADY_MIRRORED,
    FETCHED
  }

  /** Makes sure the mirror holds the file, verified. */
  Outcome ensure(MirrorDownload download);

  /** Copies the (mirrored, verified) file into {@code directory}; returns its path there. */
  Path fetch(MirrorDownload download, Path directory);

  /**
   * Copies a file nothing pins (an upstream {@code .dsc} without {@code dsc_sha256}: the files it
   * lists are then checked against it) from {@code url}, through the same URL rewrites as pinned
   * files (an internal mirror serves both), into {@code directory}; not kept in the mirror.
   */
  Path fetchUnpinned(URI url, String fileName, Path directory);
}
