package org.starlingx.stxbuild.engine.status;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.repo.pulp.PulpClient;
import org.starlingx.stxbuild.engine.repo.pulp.PulpTestClients;
import org.starlingx.stxbuild.testenv.pulp.PulpEndpoint;
import org.starlingx.stxbuild.testenv.pulp.PulpServerExtension;

/** The build status contract against the real Pulp: records are files its content app serves. */
@ExtendWith(PulpServerExtension.class)
class PulpBuildStatusStoreIT extends BuildStatusStoreContract {
  @TempDir Path scratch;
  private PulpClient pulp;

  @BeforeEach
  void connect(PulpEndpoint endpoint) {
    pulp = PulpTestClients.connect(endpoint);
  }

  @AfterEach
  void deleteWhatTheTestCreated() {
    PulpTestClients.deleteLabelled(pulp, "stx.line=" + line);
  }

  @Override
  protected BuildStatusStore store() {
    return new PulpBuildStatusStore(pulp, scratch);
  }
}
