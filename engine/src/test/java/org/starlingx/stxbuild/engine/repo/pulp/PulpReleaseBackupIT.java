package org.starlingx.stxbuild.engine.repo.pulp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.backup.ReleaseBackup;
import org.starlingx.stxbuild.engine.repo.AptSource;
import org.starlingx.stxbuild.engine.repo.RepoSession;
import org.starlingx.stxbuild.engine.repo.SessionNames;
import org.starlingx.stxbuild.engine.repo.testing.SamplePackages;
import org.starlingx.stxbuild.testenv.pulp.PulpEndpoint;
import org.starlingx.stxbuild.testenv.pulp.PulpServerExtension;

/** A release on the real Pulp copied to a second location; both copies verified by sha256. */
@ExtendWith(PulpServerExtension.class)
class PulpReleaseBackupIT {
  @TempDir Path work;
  private PulpClient pulp;
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void deleteWhatTheTestCreated() {
    PulpTestClients.deleteLabelled(pulp, "stx.run=" + run);
  }

  @Test
  void releasedFilesLiveInPulpAndInTheBackupAndBothVerify(PulpEndpoint endpoint) {
    pulp = PulpTestClients.connect(endpoint);
    PulpPackageRepository repository = new PulpPackageRepository(pulp, null);
    SamplePackages samples = new SamplePackages(work);
    RepoSession session =
        repository.openSession(
            new SessionNames("bk-" + run, "bk-" + run + "-b1", Map.of("stx.run", run)));
    session.addPackages(
        List.of(
            samples.build("stx-bk1-" + run, "1.0-1", 700),
            samples.build("stx-bk2-" + run, "1.0-1", 700)));
    session.promoteRelease("bk-" + run);
    session.close();
    AptSource release = repository.releaseSource("bk-" + run).orElseThrow();

    ReleaseBackup backup = new ReleaseBackup(work.resolve("second-site"));
    ReleaseBackup.Copied copied = backup.backUp("bk-" + run, release);

    assertThat(copied.files()).isGreaterThanOrEqualTo(3);
    assertThat(backup.verify("bk-" + run, release)).isEmpty();
  }
}
