package org.starlingx.stxbuild.engine.repo;

import java.util.Optional;
import org.starlingx.stxbuild.engine.reuse.BuildRecords;

/** A package repository service shared by builds: Pulp, or a local directory for one user. */
public interface PackageRepository {

  /**
   * Opens a session for one build, starting from the branch's last good content if there is any.
   */
  RepoSession openSession(SessionNames names);

  /**
   * A handle on a session another process opened, for adding packages to it (a build pod adding its
   * results); closing the handle leaves the session to its owner. Only a shared repository service
   * offers this.
   */
  default RepoSession attachSession(SessionNames names) {
    throw new UnsupportedOperationException(
        "this repository is local to one process; builds in pods need a shared one (Pulp)");
  }

  /**
   * Locks a branch line for one build: a second build of the line is refused at once with a message
   * naming the holder, and the lock of a holder that died is taken over. Sessions themselves stay
   * concurrent (the repository contract allows several per line); the lock is for whole builds,
   * which would otherwise publish over each other. Default: no lock.
   */
  default AutoCloseable lockLine(String branch) {
    return () -> {};
  }

  /**
   * The records of good package builds this repository keeps, which builds in fresh work
   * directories and other users' builds reuse from.
   */
  default BuildRecords buildRecords() {
    return BuildRecords.NONE;
  }

  /** Claims that let concurrent builds of the same inputs build each package once. */
  default org.starlingx.stxbuild.engine.reuse.BuildClaims buildClaims() {
    return org.starlingx.stxbuild.engine.reuse.BuildClaims.NONE;
  }

  /** The apt source serving a branch's last good content, if the branch has one. */
  Optional<AptSource> branchSource(String branch);

  /** The apt source serving a promoted release, if there is one by that name. */
  Optional<AptSource> releaseSource(String release);
}
