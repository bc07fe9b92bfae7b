package org.starlingx.stxbuild.engine.repo.pulp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.repo.RepoSession;
import org.starlingx.stxbuild.engine.repo.SessionNames;
import org.starlingx.stxbuild.engine.repo.testing.OnlyLabelledStore;
import org.starlingx.stxbuild.engine.repo.testing.SamplePackages;
import org.starlingx.stxbuild.engine.retention.RetentionPolicy;
import org.starlingx.stxbuild.engine.retention.RetentionReport;
import org.starlingx.stxbuild.engine.retention.RetentionSweeper;
import org.starlingx.stxbuild.engine.retention.StoredItem;
import org.starlingx.stxbuild.testenv.pulp.PulpEndpoint;
import org.starlingx.stxbuild.testenv.pulp.PulpServerExtension;

/** Retention on the real Pulp, fifteen days on: old builds go, releases and branches stay. */
@ExtendWith(PulpServerExtension.class)
class PulpRetentionIT {
  @TempDir Path work;
  private PulpClient pulp;
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void deleteWhatTheTestCreated() {
    PulpTestClients.deleteLabelled(pulp, "stx.run=" + run);
  }

  @Test
  void removesOldBuildsButNeverReleasesOrBranchesAndADryRunChangesNothing(PulpEndpoint endpoint) {
    pulp = PulpTestClients.connect(endpoint);
    PulpPackageRepository repository = new PulpPackageRepository(pulp, null);
    SamplePackages samples = new SamplePackages(work);

    RepoSession crashed = repository.openSession(names("crashed"));
    crashed.addPackages(List.of(samples.build("stx-old-" + run, "1.0-1", 512)));
    crashed.publish();
    RepoSession released = repository.openSession(names("released"));
    released.addPackages(List.of(samples.build("stx-rel-" + run, "1.0-1", 512)));
    released.promoteRelease("rel-" + run);
    released.complete();

    OnlyLabelledStore store =
        new OnlyLabelledStore(
            new PulpRetentionStore(pulp, Duration.ofHours(1), "stx.run=" + run), "stx.run", run);
    RetentionSweeper fifteenDaysOn =
        new RetentionSweeper(
            RetentionPolicy.DEFAULT,
            Clock.fixed(java.time.Instant.now().plus(Duration.ofDays(15)), ZoneOffset.UTC));
    List<StoredItem> before = store.inventory();

    RetentionReport dryRun = fifteenDaysOn.sweep(store, true);
    assertThat(store.inventory()).containsExactlyInAnyOrderElementsOf(before);
    assertThat(dryRun.removed())
        .extracting(StoredItem::labels)
        .allSatisfy(
            labels -> assertThat(labels).containsEntry("stx.session", "crashed-" + run + "-b1"));
    assertThat(dryRun.removed()).hasSize(2);

    RetentionReport swept = fifteenDaysOn.sweep(store, false);
    assertThat(swept.removed()).containsExactlyInAnyOrderElementsOf(dryRun.removed());
    assertThat(store.inventory())
        .containsExactlyInAnyOrderElementsOf(
            before.stream().filter(item -> !dryRun.removed().contains(item)).toList());
    assertThat(repository.releaseSource("rel-" + run)).isPresent();
    assertThat(repository.branchSource("released-" + run)).isPresent();
    assertThat(pulp.deb().repositories().find("stx-session-crashed-" + run + "-b1")).isEmpty();
  }

  private SessionNames names(String branch) {
    return new SessionNames(branch + "-" + run, branch + "-" + run + "-b1", Map.of("stx.run", run));
  }
}
