package org.starlingx.stxbuild.engine.reuse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.starlingx.stxbuild.engine.repo.RepoSession;

/**
 * One build's reuse through the shared repository: a package whose inputs are identical to a good
 * earlier build's (within the reuse scope) joins the session by reference, no byte sent; the
 * build's own good packages are recorded for later builds. {@code never_reuse} packages are taken
 * only from the build's own line unless {@link ReuseSettings#maximum()}.
 */
public final class RepositoryReuse {
  private final BuildRecords records;
  private final ReuseSettings settings;
  private final Set<String> neverReuse;
  private final String line;
  private final String project;
  private BuildClaims claims = BuildClaims.NONE;
  private String holder = "";
  private Duration lease = Duration.ofHours(3);
  private Duration maxWait = Duration.ofHours(3);
  private Duration poll = Duration.ofSeconds(5);

  public RepositoryReuse(
      BuildRecords records,
      ReuseSettings settings,
      Set<String> neverReuse,
      String line,
      String project) {
    this.records = records;
    this.settings = settings;
    this.neverReuse = Set.copyOf(neverReuse);
    this.line = line;
    this.project = project;
  }

  /**
   * Adds an earlier build's outputs of {@code sourcePackage} to {@code session} when one with these
   * inputs is recorded and the repository still holds all its files.
   */
  public Optional<BuildRecord> tryReuse(
      String sourcePackage, String fingerprint, RepoSession session) {
    ReuseScope scope =
        !settings.maximum() && neverReuse.contains(sourcePackage)
            ? ReuseScope.LINE
            : settings.scope();
    Optional<BuildRecord> found = records.find(sourcePackage, fingerprint, scope, line, project);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    synchronized (session) {
      return session.addExisting(found.get().debs()) ? found : Optional.empty();
    }
  }

  /**
   * Coordinates with concurrent builds through {@code claims}: {@code holder} names this build,
   * {@code lease} how long a claim holds without release, {@code maxWait} how long this build waits
   * for another's package before building it itself, {@code poll} how often it looks.
   */
  public RepositoryReuse coordinated(
      BuildClaims claims, String holder, Duration lease, Duration maxWait, Duration poll) {
    this.claims = claims;
    this.holder = holder;
    this.lease = lease;
    this.maxWait = maxWait;
    this.poll = poll;
    return this;
  }

  /**
   * Called when nothing recorded can be reused: claims building these inputs, or, while another
   * build of the same scope holds the claim, waits for its record (bounded by {@code maxWait}) and
   * reuses it. Empty means build it here; {@link #release} then gives the claim up.
   */
  public Optional<BuildRecord> awaitOrClaim(
      String sourcePackage, String fingerprint, RepoSession session) throws InterruptedException {
    long deadline = System.nanoTime() + maxWait.toNanos();
    while (true) {
      if (claims.claim(claimKey(sourcePackage, fingerprint), holder, lease)) {
        // The previous holder may have recorded it and released just before this claim.
        Optional<BuildRecord> meanwhile = tryReuse(sourcePackage, fingerprint, session);
        if (meanwhile.isPresent()) {
          release(sourcePackage, fingerprint);
        }
        return meanwhile;
      }
      Optional<BuildRecord> built = tryReuse(sourcePackage, fingerprint, session);
      if (built.isPresent() || System.nanoTime() > deadline) {
        return built;
      }
      Thread.sleep(poll.toMillis());
    }
  }

  /** Gives up this build's claim on {@code fingerprint} (built, failed or aborted). */
  public void release(String sourcePackage, String fingerprint) {
    claims.release(claimKey(sourcePackage, fingerprint), holder);
  }

  /** Builds that may reuse each other's packages coordinate on the same key. */
  private String claimKey(String sourcePackage, String fingerprint) {
    ReuseScope scope = ownLineOnly(sourcePackage) ? ReuseScope.LINE : settings.scope();
    return switch (scope) {
      case LINE -> fingerprint + "-l-" + Integer.toHexString(line.hashCode());
      case PROJECT -> fingerprint + "-p-" + Integer.toHexString(project.hashCode());
      case EVERYTHING -> fingerprint;
    };
  }

  /** Whether {@code sourcePackage} may come only from this line's own builds. */
  public boolean ownLineOnly(String sourcePackage) {
    return !settings.maximum() && neverReuse.contains(sourcePackage);
  }

  /**
   * Whether a record this build reuses is already recorded for this build's line (found under the
   * line's own key), so recording it again after the build would change nothing.
   */
  public boolean recordedForThisLine(BuildRecord record) {
    return line.equals(record.line());
  }

  /** Records a good build's packages: {@code fingerprint} and files per source package. */
  public void record(Collection<Built> built) {
    List<BuildRecord> list = new ArrayList<>();
    for (Built b : built) {
      list.add(new BuildRecord(b.sourcePackage(), b.fingerprint(), line, project, b.debs()));
    }
    records.save(list);
  }

  /** One package of a good build, to record. */
  public record Built(String sourcePackage, String fingerprint, List<BuildRecord.Deb> debs) {}
}
