package org.starlingx.stxbuild.engine.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.starlingx.stxbuild.engine.repo.MirrorDownload;
import org.starlingx.stxbuild.engine.repo.pulp.PulpClient;
import org.starlingx.stxbuild.engine.repo.pulp.PulpMirrors;

/**
 * 3rd-party downloads through Pulp's shared mirror ({@code stx/mirrors/downloads}, kept forever):
 * Pulp fetches a file from upstream once and checks it; builds on any node then read it from the
 * content app, and the copy they get is checked again.
 */
public final class PulpMirrorFetcher implements SourceFetcher {
  private final PulpClient pulp;
  private final PulpMirrors mirrors;
  private final UrlRewrites rewrites;

  public PulpMirrorFetcher(PulpClient pulp) {
    this(pulp, Map.of());
  }

  /**
   * {@code rewrites} maps URL prefixes to other prefixes Pulp fetches from instead (an internal
   * mirror of an upstream host); checksums are verified either way.
   */
  public PulpMirrorFetcher(PulpClient pulp, Map<String, String> rewrites) {
    this.pulp = pulp;
    this.mirrors = new PulpMirrors(pulp);
    this.rewrites = new UrlRewrites(rewrites);
  }

  private MirrorDownload rewritten(MirrorDownload download) {
    return new MirrorDownload(
        download.fileName(),
        rewrites.apply(download.url()),
        download.algorithm(),
        download.checksum());
  }

  @Override
  public Outcome ensure(MirrorDownload original) {
    MirrorDownload download = rewritten(original);
    boolean held = mirrors.holds(download);
    mirrors.ensureDownload(download);
    return held ? Outcome.ALREADY_MIRRORED : Outcome.FETCHED;
  }

  @Override
  public Path fetch(MirrorDownload original, Path directory) {
    MirrorDownload download = rewritten(original);
    URI served = mirrors.ensureDownload(download);
    try {
      Files.createDirectories(directory);
      Path target = pulp.download(served, directory.resolve(download.fileName()));
      String actual = LocalMirrorFetcher.digest(target, download.algorithm());
      if (!actual.equals(download.checksum())) {
        Files.deleteIfExists(target);
        throw new ChecksumMismatchException(download, actual);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + served, e);
    }
  }

  @Override
  public Path fetchUnpinned(URI url, String fileName, Path directory) {
    try {
      Files.createDirectories(directory);
      Path target = directory.resolve(fileName);
      UpstreamFiles.copy(rewrites.apply(url), target);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot fetch "
              + fileName
              + " from "
              + rewrites.apply(url)
              + ": "
              + FetchFailure.reason(rewrites.apply(url), e),
          e);
    }
  }
}
