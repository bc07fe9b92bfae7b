package org.starlingx.stxbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.deb.BinaryPackageSpec;
import org.starlingx.stxbuild.engine.deb.DebArchiveBuilder;
import org.starlingx.stxbuild.engine.exec.CommandRunner;
import org.starlingx.stxbuild.engine.iso.IsoSigner;
import org.starlingx.stxbuild.engine.repo.RepoSession;
import org.starlingx.stxbuild.engine.repo.SessionNames;
import org.starlingx.stxbuild.engine.repo.local.LocalPackageRepository;
import org.starlingx.stxbuild.engine.scope.BuildScope;
import org.starlingx.stxbuild.engine.scope.NamingPolicy;
import org.starlingx.stxbuild.engine.scope.ScopeNames;

/**
 * The packaged {@code stx-build iso} signs with the key the Jenkins plugin hands it in {@code
 * STX_ISO_SIGNING_KEY} (the content of a secret file credential): no key file on the command line,
 * none left behind, and the key printed nowhere.
 */
class IsoSigningKeyFromJenkinsIT {
  static final Path JAR = Path.of("target/stx-build.jar").toAbsolutePath();
  static final String KEY_ID = "iso-signing@starlingx-build.invalid";

  @TempDir Path work;

  private void gpg(Path home, String... args) {
    List<String> command = new ArrayList<>(List.of("gpg", "--batch", "--homedir", home.toString()));
    command.addAll(List.of(args));
    CommandRunner.run(work, command);
  }

  @Test
  void theIsoIsSignedWithTheKeyFromTheEnvironment() throws Exception {
    Path home = Files.createDirectories(work.resolve("gnupg"));
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
    gpg(home, "--passphrase", "", "--quick-generate-key", KEY_ID, "rsa2048", "sign", "never");
    Path armoured = work.resolve("key.asc");
    gpg(home, "--armor", "--output", armoured.toString(), "--export-secret-keys", KEY_ID);
    Path keyring = work.resolve("keyring.gpg");
    gpg(home, "--output", keyring.toString(), "--export", KEY_ID);

    Path repo = work.resolve("repo");
    String line =
        new ScopeNames(new BuildScope("ci", "starlingx", "master", "1"), NamingPolicy.DEFAULT)
            .line();
    try (RepoSession session =
        new LocalPackageRepository(repo, List.of("amd64"), null)
            .openSession(new SessionNames(line, line + "-b1", Map.of()))) {
      session.addPackages(
          List.of(
              new DebArchiveBuilder(work.resolve("stage"))
                  .build(
                      new BinaryPackageSpec("stx-x", "1.0", "all", "x", Map.of()),
                      work.resolve("debs"))));
      session.complete();
    }

    Path iso = work.resolve("stx.iso");
    Path tmp = Files.createDirectories(work.resolve("tmp"));
    String key = Files.readString(armoured);
    String output =
        CommandRunner.run(
                work,
                List.of(
                    "java",
                    "-Djava.io.tmpdir=" + tmp,
                    "-jar",
                    JAR.toString(),
                    "iso",
                    "--user",
                    "ci",
                    "--build-id",
                    "1",
                    "--repo",
                    repo.toString(),
                    "--output",
                    iso.toString(),
                    "--key-id",
                    KEY_ID),
                Map.of("STX_ISO_SIGNING_KEY", key))
            .output();

    assertThat(output).contains("signature ");
    key.lines()
        .filter(l -> l.length() > 40)
        .limit(3)
        .forEach(keyLine -> assertThat(output).doesNotContain(keyLine));
    assertThat(tmp).as("the key file is removed").isEmptyDirectory();
    assertThat(IsoSigner.verify(iso, iso.resolveSibling("stx.iso.asc"), keyring)).isTrue();
  }
}
