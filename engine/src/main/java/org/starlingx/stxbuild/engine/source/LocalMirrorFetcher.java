package org.starlingx.stxbuild.engine.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.starlingx.stxbuild.engine.repo.FileDigests;
import org.starlingx.stxbuild.engine.repo.MirrorDownload;

/**
 * A mirror of 3rd-party downloads in a local directory, for one user and the demo: {@code
 * <mirror>/<checksum>/<file name>}, filled from upstream over http(s) or from {@code file:} URLs.
 *
 * <p>{@code rewrites} maps URL prefixes to other prefixes (like an apt mirror setting), so a tree
 * whose metadata names an upstream host can be filled from a local copy; the checksum is verified
 * either way.
 */
public final class LocalMirrorFetcher implements SourceFetcher {
  private final Path mirror;
  private final UrlRewrites rewrites;

  public LocalMirrorFetcher(Path mirror, Map<String, String> rewrites) {
    this.mirror = mirror.toAbsolutePath().normalize();
    this.rewrites = new UrlRewrites(rewrites);
  }

  @Override
  public synchronized Outcome ensure(MirrorDownload download) {
    Path stored = storedPath(download);
    if (Files.isRegularFile(stored) && matches(stored, download)) {
      return Outcome.ALREADY_MIRRORED;
    }
    try {
      Files.createDirectories(stored.getParent());
      Path partial = Files.createTempFile(stored.getParent(), ".fetch-", ".part");
      try {
        copyFromUpstream(download, partial);
        String actual = digest(partial, download.algorithm());
        if (!actual.equals(download.checksum())) {
          throw new ChecksumMismatchException(download, actual);
        }
        Files.move(
            partial, stored, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
      return Outcome.FETCHED;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot fetch "
              + download.fileName()
              + " from "
              + upstream(download)
              + ": "
              + FetchFailure.reason(upstream(download), e),
          e);
    }
  }

  @Override
  public Path fetch(MirrorDownload download, Path directory) {
    ensure(download);
    try {
      Files.createDirectories(directory);
      Path target = directory.resolve(download.fileName());
      Files.copy(storedPath(download), target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + download.fileName() + " to " + directory, e);
    }
  }

  private Path storedPath(MirrorDownload download) {
    return mirror.resolve(download.checksum()).resolve(download.fileName());
  }

  private URI upstream(MirrorDownload download) {
    return rewrites.apply(download.url());
  }

  private void copyFromUpstream(MirrorDownload download, Path target) throws IOException {
    UpstreamFiles.copy(upstream(download), target);
  }

  private static boolean matches(Path file, MirrorDownload download) {
    return digest(file, download.algorithm()).equals(download.checksum());
  }

  static String digest(Path file, String algorithm) {
    FileDigests digests = FileDigests.of(file);
    return "md5".equals(algorithm) ? digests.md5() : digests.sha256();
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
