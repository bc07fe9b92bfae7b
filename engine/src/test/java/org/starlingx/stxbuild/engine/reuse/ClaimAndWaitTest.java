package org.starlingx.stxbuild.engine.reuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.starlingx.stxbuild.engine.repo.AddResult;
import org.starlingx.stxbuild.engine.repo.AptSource;
import org.starlingx.stxbuild.engine.repo.RepoSession;
import org.starlingx.stxbuild.engine.repo.SessionNames;

/**
 * Two builds of the same inputs, their steps interleaved deterministically: the second waits for
 * the first's record and reuses it whatever the order of record, release and its own look-ups;
 * takes the package over when the first aborts (released) or dies (lease ended); and stops waiting
 * after the bound.
 */
class ClaimAndWaitTest {
  private static final String PKG = "libfoo";
  private static final String FP = "f00";
  private static final BuildRecord.Deb DEB = new BuildRecord.Deb("libfoo_1_amd64.deb", "aa");

  private final FakeRecords records = new FakeRecords();
  private final FakeClaims claims = new FakeClaims();
  private final FakeSession session = new FakeSession();

  @Test
  void waiterReusesWhenTheHolderRecordsAndReleasesBetweenItsClaimAndItsLookUp() throws Exception {
    RepositoryReuse first = build("first");
    RepositoryReuse second = build("second");
    assertThat(first.awaitOrClaim(PKG, FP, session)).as("first claims: builds it").isEmpty();
    // Right after the second's refused claim, the first records and releases.
    claims.afterRefusal = () -> finish(first);
    assertThat(second.awaitOrClaim(PKG, FP, session)).as("second reuses").isPresent();
    assertThat(claims.holders).as("nobody holds it afterwards").isEmpty();
  }

  @Test
  void waiterReusesWhenTheHolderFinishesBetweenItsLookUpAndItsNextClaim() throws Exception {
    RepositoryReuse first = build("first");
    RepositoryReuse second = build("second");
    first.awaitOrClaim(PKG, FP, session);
    // The second polls once in vain; the first finishes just before the second's next claim, which
    // succeeds: the look-up after claiming finds the record.
    records.afterMiss = () -> finish(first);
    Optional<BuildRecord> got = second.awaitOrClaim(PKG, FP, session);
    assertThat(got).isPresent();
    assertThat(claims.holders).isEmpty();
  }

  @Test
  void aHolderThatAbortsReleasesAndTheWaiterTakesItOver() throws Exception {
    RepositoryReuse first = build("first");
    RepositoryReuse second = build("second");
    first.awaitOrClaim(PKG, FP, session);
    // Aborted: no record, the claim given up (PackageBuild releases in finally).
    claims.afterRefusal = () -> first.release(PKG, FP);
    assertThat(second.awaitOrClaim(PKG, FP, session)).as("second builds it").isEmpty();
    assertThat(claims.holders).containsEntry(FP, "second");
  }

  @Test
  void aHolderThatDiedWithoutReleasingIsTakenOverWhenItsLeaseEnds() throws Exception {
    RepositoryReuse first = build("first");
    RepositoryReuse second = build("second");
    first.awaitOrClaim(PKG, FP, session);
    // Its pod was killed: nothing released; time passes beyond the lease.
    claims.afterRefusal = () -> claims.now = claims.now.plus(Duration.ofHours(4));
    assertThat(second.awaitOrClaim(PKG, FP, session)).as("second builds it").isEmpty();
    assertThat(claims.holders).containsEntry(FP, "second");
  }

  @Test
  void waitingIsBounded() throws Exception {
    RepositoryReuse first = build("first");
    RepositoryReuse impatient =
        new RepositoryReuse(records, ReuseSettings.defaults(), java.util.Set.of(), "l2", "p")
            .coordinated(
                claims,
                "impatient",
                Duration.ofHours(3),
                Duration.ofMillis(30),
                Duration.ofMillis(1));
    first.awaitOrClaim(PKG, FP, session);
    long start = System.nanoTime();
    assertThat(impatient.awaitOrClaim(PKG, FP, session)).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(claims.holders).as("the live holder keeps its claim").containsEntry(FP, "first");
  }

  private RepositoryReuse build(String holder) {
    return new RepositoryReuse(
            records, ReuseSettings.defaults(), java.util.Set.of(), "line-" + holder, "p")
        .coordinated(claims, holder, Duration.ofHours(3), Duration.ofHours(3), Duration.ZERO);
  }

  /** The holder's end of a good build: record first, then release. */
  private static void finish(RepositoryReuse holder) {
    holder.record(List.of(new RepositoryReuse.Built(PKG, FP, List.of(DEB))));
    holder.release(PKG, FP);
  }

  private static final class FakeRecords implements BuildRecords {
    final Map<String, BuildRecord> byFingerprint = new HashMap<>();
    Runnable afterMiss;

    @Override
    public Optional<BuildRecord> find(
        String sourcePackage, String fingerprint, ReuseScope scope, String line, String project) {
      Optional<BuildRecord> found = Optional.ofNullable(byFingerprint.get(fingerprint));
      if (found.isEmpty() && afterMiss != null) {
        Runnable once = afterMiss;
        afterMiss = null;
        once.run();
      }
      return found;
    }

    @Override
    public void save(Collection<BuildRecord> records) {
      records.forEach(r -> byFingerprint.put(r.fingerprint(), r));
    }
  }

  /** Claims with a clock the test moves; a hook runs once after a refused claim. */
  private static final class FakeClaims implements BuildClaims {
    final Map<String, String> holders = new HashMap<>();
    final Map<String, Instant> until = new HashMap<>();
    Instant now = Instant.parse("2026-12-01T00:00:00Z");
    Runnable afterRefusal;

    @Override
    public boolean claim(String fingerprint, String holder, Duration lease) {
      String current = holders.get(fingerprint);
      if (current == null || current.equals(holder) || !now.isBefore(until.get(fingerprint))) {
        holders.put(fingerprint, holder);
        until.put(fingerprint, now.plus(lease));
        return true;
      }
      if (afterRefusal != null) {
        Runnable once = afterRefusal;
        afterRefusal = null;
        once.run();
      }
      return false;
    }

    @Override
    public void release(String fingerprint, String holder) {
      if (holder.equals(holders.get(fingerprint))) {
        holders.remove(fingerprint);
        until.remove(fingerprint);
      }
    }
  }

  private static final class FakeSession implements RepoSession {
    final List<BuildRecord.Deb> added = new ArrayList<>();

    @Override
    public SessionNames names() {
      return new SessionNames("l", "s", Map.of());
    }

    @Override
    public AddResult addPackages(List<Path> debs) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean addExisting(List<BuildRecord.Deb> debs) {
      added.addAll(debs);
      return true;
    }

    @Override
    public List<String> packages() {
      return List.of();
    }

    @Override
    public AptSource publish() {
      throw new UnsupportedOperationException();
    }

    @Override
    public AptSource complete() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void promoteRelease(String releaseName) {}

    @Override
    public void abort() {}

    @Override
    public void close() {}
  }
}
