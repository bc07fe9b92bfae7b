package org.starlingx.stxbuild.engine.repo.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.apt.PrivateAptRoot;
import org.starlingx.stxbuild.engine.exec.CommandRunner;
import org.starlingx.stxbuild.engine.repo.AptSource;
import org.starlingx.stxbuild.engine.repo.RepoSession;
import org.starlingx.stxbuild.engine.repo.SessionNames;
import org.starlingx.stxbuild.engine.repo.testing.SamplePackages;

/** With a key, the local repository writes InRelease that the real apt-get verifies. */
class SignedLocalRepositoryTest {
  @TempDir Path work;

  @Test
  void aptVerifiesTheSignedReleaseAndRefusesATamperedOne() throws Exception {
    GpgSigner signer = throwawayKey(work.resolve("gnupg"));
    LocalPackageRepository repository =
        new LocalPackageRepository(work.resolve("repo"), List.of("amd64"), signer);
    Path deb = new SamplePackages(work).build("stx-signed", "1.0-1", 512);
    RepoSession session = repository.openSession(new SessionNames("main", "main-b1", Map.of()));
    session.addPackages(List.of(deb));
    AptSource source = session.publish();
    Path suite = repository.root().resolve("dists/session-main-b1");
    assertThat(suite.resolve("InRelease")).isRegularFile();
    assertThat(suite.resolve("Release.gpg")).isRegularFile();
    assertThat(source.sourcesListLine()).contains("[signed-by=" + signer.publicKeyring() + "]");

    PrivateAptRoot apt = new PrivateAptRoot(work.resolve("apt")).sources(source);
    apt.update();
    assertThat(Files.readAllBytes(apt.download("stx-signed"))).isEqualTo(Files.readAllBytes(deb));

    Path inRelease = suite.resolve("InRelease");
    Files.writeString(inRelease, Files.readString(inRelease).replace("Suite: ", "Suite: x"));
    Files.delete(suite.resolve("Release.gpg"));
    PrivateAptRoot tampered = new PrivateAptRoot(work.resolve("apt2")).sources(source);
    assertThatThrownBy(tampered::update)
        .hasMessageMatching("(?s).*(NO_PUBKEY|BADSIG|not signed|signature|failed).*");
  }

  /** A new signing key in its own GnuPG home, and its public key as a keyring for apt. */
  static GpgSigner throwawayKey(Path home) throws Exception {
    Files.createDirectories(home);
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
    String gnupgHome = home.toString();
    CommandRunner.run(
        home,
        List.of(
            "gpg",
            "--batch",
            "--homedir",
            gnupgHome,
            "--passphrase",
            "",
            "--quick-generate-key",
            "starlingx-build test <test@starlingx-build.invalid>",
            "rsa2048",
            "sign",
            "1d"));
    Path keyring = home.resolve("public.gpg");
    CommandRunner.run(
        home,
        List.of(
            "gpg",
            "--batch",
            "--homedir",
            gnupgHome,
            "--output",
            keyring.toString(),
            "--export",
            "test@starlingx-build.invalid"));
    return new GpgSigner(home, "test@starlingx-build.invalid", keyring);
  }
}
