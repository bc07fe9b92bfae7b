package org.starlingx.stxbuild.engine.repo.pulp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
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

/** Publications signed by Pulp's signing service, verified by the real apt-get with signed-by. */
@ExtendWith(PulpServerExtension.class)
class PulpSignedPublicationIT {
  @TempDir Path work;
  private PulpClient pulp;
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void deleteWhatTheTestCreated() {
    PulpTestClients.deleteLabelled(pulp, "stx.run=" + run);
  }

  @Test
  void aSignedSessionIsVerifiedByApt(PulpEndpoint endpoint) throws Exception {
    pulp = PulpTestClients.connect(endpoint);
    String service = pulp.signingService(endpoint.signingService()).orElseThrow();
    PulpPackageRepository repository =
        new PulpPackageRepository(pulp, new PulpSigning(service, endpoint.signingKeyring()));
    Path deb = new SamplePackages(work).build("stx-signed-" + run, "1.0-1", 1024);

    RepoSession session =
        repository.openSession(
            new SessionNames("signed-" + run, "signed-" + run + "-b1", Map.of("stx.run", run)));
    session.addPackages(List.of(deb));
    AptSource source = session.publish();
    assertThat(source.sourcesListLine()).contains("signed-by=" + endpoint.signingKeyring());

    Path inRelease =
        pulp.download(source.url().resolve("dists/default/InRelease"), work.resolve("InRelease"));
    assertThat(Files.readString(inRelease)).contains("-----BEGIN PGP SIGNATURE-----");
    PrivateAptRoot apt = new PrivateAptRoot(work.resolve("apt")).sources(source);
    apt.update();
    assertThat(Files.readAllBytes(apt.download("stx-signed-" + run)))
        .isEqualTo(Files.readAllBytes(deb));
    session.close();
  }
}
