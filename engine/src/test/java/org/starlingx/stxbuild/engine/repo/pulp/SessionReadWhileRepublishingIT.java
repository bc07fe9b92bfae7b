package org.starlingx.stxbuild.engine.repo.pulp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.apt.PrivateAptRoot;
import org.starlingx.stxbuild.engine.repo.AptSource;
import org.starlingx.stxbuild.engine.repo.RepoSession;
import org.starlingx.stxbuild.engine.repo.SessionNames;
import org.starlingx.stxbuild.engine.repo.testing.SamplePackages;
import org.starlingx.stxbuild.testenv.pulp.PulpEndpoint;
import org.starlingx.stxbuild.testenv.pulp.PulpServerExtension;

/**
 * A build pod reads its build-deps from the session's apt source while other packages of the same
 * build finish and the session is published again: every read must still succeed.
 */
@ExtendWith(PulpServerExtension.class)
class SessionReadWhileRepublishingIT {
  @TempDir Path work;
  private PulpClient pulp;
  private String run;

  @BeforeEach
  void connect(PulpEndpoint endpoint) {
    pulp = PulpTestClients.connect(endpoint);
    run = UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void deleteWhatTheTestCreated() {
    PulpTestClients.deleteLabelled(pulp, "stx.run=" + run);
  }

  @Test
  void aPodReadsOneConsistentSnapshotWhileTheSessionIsPublishedAgain() throws Exception {
    PulpPackageRepository repository = new PulpPackageRepository(pulp, null);
    SamplePackages packages = new SamplePackages(work);
    SessionNames names =
        new SessionNames("race-" + run, "race-" + run + "-1", Map.of("stx.run", run));
    String dep = "stx-race-dep-" + run;
    try (RepoSession session = repository.openSession(names)) {
      session.addPackages(List.of(packages.build(dep, "1.0-1", 4096)));
      AtomicReference<AptSource> newest = new AtomicReference<>(session.snapshot());
      AtomicBoolean reading = new AtomicBoolean(true);
      AtomicInteger published = new AtomicInteger();
      ExecutorService publisher = Executors.newSingleThreadExecutor();
      // What the build does each time a package finishes: add it, publish, hand out the source.
      Future<?> republishing =
          publisher.submit(
              () -> {
                while (reading.get()) {
                  int n = published.get();
                  session.addPackages(
                      List.of(packages.build("stx-race-more-" + run + "-" + n, "1.0-1", 512)));
                  newest.set(session.snapshot());
                  session.publish();
                  published.incrementAndGet();
                }
                return null;
              });
      int reads = 0;
      try {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(4).toNanos();
        while ((reads < 10 || published.get() < 4)
            && !republishing.isDone()
            && System.nanoTime() < deadline) {
          PrivateAptRoot apt =
              new PrivateAptRoot(work.resolve("apt-" + reads)).sources(newest.get());
          apt.update();
          assertThat(apt.download(dep)).exists();
          reads++;
        }
      } finally {
        reading.set(false);
        republishing.get();
        publisher.shutdown();
      }
      assertThat(published.get()).as("republished while reading").isGreaterThanOrEqualTo(2);
      System.out.printf(
          "%d apt reads while the session was published %d times%n", reads, published.get());
      assertThat(snapshotsOf(names)).isNotEmpty();
      session.complete();
    }
    assertThat(snapshotsOf(names)).as("snapshots are gone once the build ends").isEmpty();
  }

  private List<PulpDistribution> snapshotsOf(SessionNames names) {
    return pulp.deb()
        .repositories()
        .distributionsLabelled("stx.session=" + names.session() + ",stx.snapshot");
  }
}
