package org.starlingx.stxbuild.engine.repo.pulp;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.starlingx.stxbuild.engine.repo.AptSource;
import org.starlingx.stxbuild.engine.repo.PackageRepository;
import org.starlingx.stxbuild.engine.repo.RepoSession;
import org.starlingx.stxbuild.engine.repo.SessionNames;
import org.starlingx.stxbuild.engine.reuse.BuildRecords;

/**
 * The shared package repository on Pulp. Every build's session is its own apt repository; the
 * content units (and their files) are Pulp's and shared, so each file is stored once.
 *
 * <p>Names: branch {@code b} lives in repository {@code stx-branch-b} served at {@code
 * stx/branches/b}; session {@code s} in {@code stx-session-s} at {@code stx/sessions/s}; release
 * {@code r} at {@code stx/releases/r}.
 */
public final class PulpPackageRepository implements PackageRepository {
  public static final String ROLE = "stx.role";
  static final String RELEASED = "stx.released";

  private final PulpClient pulp;
  private final PulpSigning signing;

  /** {@code signing} signs every publication's Release file; null publishes unsigned. */
  public PulpPackageRepository(PulpClient pulp, PulpSigning signing) {
    this.pulp = pulp;
    this.signing = signing;
  }

  @Override
  public RepoSession openSession(SessionNames names) {
    return PulpRepoSession.open(pulp, names, signing);
  }

  @Override
  public AutoCloseable lockLine(String branch) {
    return PulpLineLock.acquire(pulp, branch);
  }

  @Override
  public RepoSession attachSession(SessionNames names) {
    return PulpRepoSession.attach(pulp, names, signing);
  }

  @Override
  public BuildRecords buildRecords() {
    return pulp.deb().buildRecords();
  }

  @Override
  public org.starlingx.stxbuild.engine.reuse.BuildClaims buildClaims() {
    return pulp.deb().buildClaims();
  }

  /**
   * The branch's last good build as this process reaches it: its tools (the base image's apt, the
   * wheels' chroot, the helm charts' downloads) read it at the configured content URL, as they read
   * the mirror. A release's source ({@link #releaseSource}) is printed for people and keeps Pulp's
   * published origin.
   */
  @Override
  public Optional<AptSource> branchSource(String branch) {
    return pulp.deb()
        .repositories()
        .findDistribution(branchRepositoryName(branch))
        .map(distribution -> pulp.reachable().source(aptSource(distribution.baseUrl(), signing)));
  }

  @Override
  public Optional<AptSource> releaseSource(String release) {
    return pulp.deb()
        .repositories()
        .findDistribution(releaseDistributionName(release))
        .map(distribution -> aptSource(distribution.baseUrl(), signing));
  }

  static String releaseDistributionName(String release) {
    return "stx-release-" + release;
  }

  static String branchRepositoryName(String branch) {
    return "stx-branch-" + branch;
  }

  static String branchBasePath(String branch) {
    return "stx/branches/" + branch;
  }

  static String sessionRepositoryName(String session) {
    return "stx-session-" + session;
  }

  static String sessionBasePath(String session) {
    return "stx/sessions/" + session;
  }

  /** Outside the session's own base path: Pulp refuses base paths nested in another's. */
  static String sessionSnapshotBasePath(String session, int snapshot) {
    return "stx/session-snapshots/" + session + "/" + snapshot;
  }

  static String releaseBasePath(String release) {
    return "stx/releases/" + release;
  }

  /** Pulp's flat publication: suite {@code default}, component {@code all}. */
  static AptSource aptSource(URI baseUrl, PulpSigning signing) {
    return new AptSource(
        baseUrl, "default", "all", signing == null ? null : signing.publicKeyring());
  }

  static Map<String, String> labels(SessionNames names, String role) {
    Map<String, String> labels = new HashMap<>(names.labels());
    labels.put(ROLE, role);
    labels.put("stx.branch", names.branch());
    if (!"branch".equals(role)) {
      labels.put("stx.session", names.session());
    }
    return labels;
  }
}
