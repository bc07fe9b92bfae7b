package org.starlingx.stxbuild.engine.repo;

import java.nio.file.Path;
import java.util.List;
import org.starlingx.stxbuild.engine.reuse.BuildRecord;

/**
 * One build's work area in the shared package repository. It starts from the branch's last good
 * content, so unchanged packages are reused; takes the build's outputs; serves them as an apt
 * source; and on the build's end either becomes the branch's last good content or disappears.
 *
 * <p>Closing a session that was neither completed nor promoted aborts it.
 */
public interface RepoSession extends AutoCloseable {

  SessionNames names();

  /**
   * Adds {@code .deb} files; a file the repository already holds (same sha256) is not sent again.
   */
  AddResult addPackages(List<Path> debs);

  /**
   * Adds packages the repository already holds, by sha256, without sending a byte: an earlier
   * build's outputs reused by reference. Adds nothing and returns false when the repository no
   * longer holds one of them (retention removed it), so the package is built again.
   */
  default boolean addExisting(List<BuildRecord.Deb> debs) {
    return false;
  }

  /**
   * A local copy of a package this session holds, in {@code dir} (a local worker unpacks the
   * build-deps of the package it builds).
   */
  default Path fetch(BuildRecord.Deb deb, Path dir) {
    throw new UnsupportedOperationException("this repository cannot hand out its files");
  }

  /**
   * The files of a source package that somebody else added to this session: a pkgbuilder pod adds
   * what it built itself, and the build that started it records them for reuse from here. Empty
   * where the repository cannot tell.
   */
  default List<BuildRecord.Deb> builtFrom(String source) {
    return List.of();
  }

  /** Package {@code name=version} entries the session holds now. */
  List<String> packages();

  /** Publishes the session's current content and returns the apt source that serves it. */
  AptSource publish();

  /**
   * Publishes the session's current content at an address whose content never changes, for a reader
   * that must see one consistent state while the session grows: a build pod reading its build-deps
   * while other packages of the build finish and the session is published again (apt refuses an
   * index that changes between its Release and Packages reads). A repository whose {@link
   * #publish()} already serves a fixed state may return that.
   */
  default AptSource snapshot() {
    return publish();
  }

  /** Makes the session's content the branch's last good content, served at the branch's source. */
  AptSource complete();

  /** Keeps this session's content forever as release {@code releaseName}. */
  void promoteRelease(String releaseName);

  /** Removes everything this session created; content other sessions use stays. */
  void abort();

  @Override
  void close();
}
