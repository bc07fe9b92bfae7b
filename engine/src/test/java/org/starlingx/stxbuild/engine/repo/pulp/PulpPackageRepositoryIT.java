package org.starlingx.stxbuild.engine.repo.pulp;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.starlingx.stxbuild.engine.repo.PackageRepository;
import org.starlingx.stxbuild.engine.repo.PackageRepositoryContract;
import org.starlingx.stxbuild.testenv.pulp.PulpEndpoint;
import org.starlingx.stxbuild.testenv.pulp.PulpServerExtension;

/** The shared repository on the real Pulp against the contract, with the real apt-get. */
@ExtendWith(PulpServerExtension.class)
class PulpPackageRepositoryIT extends PackageRepositoryContract {
  private PulpClient pulp;
  private PulpPackageRepository repository;

  @BeforeEach
  void connect(PulpEndpoint endpoint) {
    pulp = PulpTestClients.connect(endpoint);
    repository = new PulpPackageRepository(pulp, null);
  }

  @AfterEach
  void deleteWhatTheTestCreated() {
    PulpTestClients.deleteLabelled(pulp, "stx.test=contract");
  }

  @Override
  protected PackageRepository repository() {
    return repository;
  }
}
