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
import org.starlingx.stxbuild.engine.repo.RepoSession;
import org.starlingx.stxbuild.engine.repo.SessionNames;
import org.starlingx.stxbuild.engine.repo.testing.SamplePackages;
import org.starlingx.stxbuild.testenv.pulp.PulpEndpoint;
import org.starlingx.stxbuild.testenv.pulp.PulpServerExtension;

/**
 * A build step re-run after a controller restart opens its session again: what the interrupted run
 * left (repository and distribution, never completed) is replaced, and the re-run completes.
 */
@ExtendWith(PulpServerExtension.class)
class PulpSessionRestartIT {
  @TempDir Path work;
  private PulpClient pulp;
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void deleteWhatTheTestCreated() {
    PulpTestClients.deleteLabelled(pulp, "stx.run=" + run);
  }

  @Test
  void reopeningAnInterruptedSessionStartsItAfresh(PulpEndpoint endpoint) throws Exception {
    pulp = PulpTestClients.connect(endpoint);
    PulpPackageRepository repository = new PulpPackageRepository(pulp, null);
    SessionNames names =
        new SessionNames("restart-" + run, "restart-" + run + "-b1", Map.of("stx.run", run));
    List<Path> debs = new SamplePackages(work).buildMany("restart-" + run, 2, 1024);

    RepoSession interrupted = repository.openSession(names);
    interrupted.addPackages(debs.subList(0, 1));
    interrupted.publish();
    // The controller restarts here: the session is neither completed nor aborted.

    try (RepoSession again = repository.openSession(names)) {
      again.addPackages(debs);
      again.publish();
      assertThat(again.packages()).hasSize(2);
      again.complete();
    }
    assertThat(repository.branchSource("restart-" + run)).isPresent();
  }
}
