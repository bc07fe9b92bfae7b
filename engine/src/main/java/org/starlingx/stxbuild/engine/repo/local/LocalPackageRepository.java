package org.starlingx.stxbuild.engine.repo.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.starlingx.stxbuild.engine.repo.AptSource;
import org.starlingx.stxbuild.engine.repo.PackageRepository;
import org.starlingx.stxbuild.engine.repo.RepoSession;
import org.starlingx.stxbuild.engine.repo.SessionNames;
import org.starlingx.stxbuild.engine.reuse.BuildRecords;

/**
 * The embedded repository for one user and the demo: a directory that apt reads directly ({@code
 * file:} sources) with {@code pool/} and {@code dists/}. Files are stored once by sha256, as on
 * Pulp. Suites: {@code session-<s>} per build, {@code branch-<b>} for a branch's last good build,
 * {@code release-<r>} per release.
 */
public final class LocalPackageRepository implements PackageRepository {
  private final Path root;
  private final LocalPool pool;
  private final AptIndexWriter indexes;
  private final GpgSigner signer;

  /**
   * @param root the repository directory, created if missing
   * @param architectures the architectures to index, for example {@code amd64}
   * @param signer signs Release files (InRelease); null leaves them unsigned
   */
  public LocalPackageRepository(Path root, List<String> architectures, GpgSigner signer) {
    this.root = root.toAbsolutePath().normalize();
    this.pool = new LocalPool(this.root);
    this.indexes = new AptIndexWriter(this.root, architectures, signer);
    this.signer = signer;
  }

  public Path root() {
    return root;
  }

  @Override
  public RepoSession openSession(SessionNames names) {
    List<LocalPackage> start =
        SuiteState.read(root, branchSuite(names.branch()))
            .map(SuiteState::packages)
            .orElse(List.of());
    return new LocalRepoSession(this, names, start);
  }

  /** An operating-system lock on {@code locks/<branch>.lock} in the repository directory. */
  @Override
  public AutoCloseable lockLine(String branch) {
    SessionNames.requireName(branch, "branch");
    return org.starlingx.stxbuild.engine.files.ExclusiveLock.acquire(
        root.resolve("locks").resolve(branch + ".lock"),
        "branch line " + branch + " of the local repository " + root);
  }

  @Override
  public Optional<AptSource> branchSource(String branch) {
    String suite = branchSuite(branch);
    return Files.exists(SuiteState.file(root, suite))
        ? Optional.of(source(suite))
        : Optional.empty();
  }

  @Override
  public Optional<AptSource> releaseSource(String release) {
    String suite = releaseSuite(release);
    return Files.exists(SuiteState.file(root, suite))
        ? Optional.of(source(suite))
        : Optional.empty();
  }

  @Override
  public BuildRecords buildRecords() {
    return new LocalBuildRecords(root.resolve("records"));
  }

  @Override
  public org.starlingx.stxbuild.engine.reuse.BuildClaims buildClaims() {
    return new LocalBuildClaims(root.resolve("records").resolve("claims"));
  }

  LocalPool pool() {
    return pool;
  }

  /** Writes a suite's indexes and state, and returns the apt source that serves it. */
  AptSource publish(SuiteState state) {
    state.write(root);
    indexes.write(state.suite(), state.packages());
    return source(state.suite());
  }

  /** Removes a suite's indexes and state; pool files stay for other suites. */
  void remove(String suite) {
    org.starlingx.stxbuild.engine.files.FileTrees.delete(root.resolve("dists").resolve(suite));
    org.starlingx.stxbuild.engine.files.FileTrees.delete(SuiteState.file(root, suite));
  }

  AptSource source(String suite) {
    return new AptSource(
        root.toUri(),
        suite,
        AptIndexWriter.COMPONENT,
        signer == null ? null : signer.publicKeyring());
  }

  static String sessionSuite(String session) {
    return "session-" + session;
  }

  static String branchSuite(String branch) {
    return "branch-" + branch;
  }

  static String releaseSuite(String release) {
    return "release-" + release;
  }
}
