package org.starlingx.stxbuild.engine.repo.local;

import java.nio.file.Path;
import java.util.List;
import org.starlingx.stxbuild.engine.exec.CommandRunner;

/**
 * Signs Release files with GnuPG: {@code InRelease} (clear-signed) and {@code Release.gpg}
 * (detached), as apt expects.
 *
 * @param gnupgHome the GnuPG home holding the secret key
 * @param keyId the key to sign with
 * @param publicKeyring a keyring with the public key, for {@code signed-by=} in apt sources
 */
public record GpgSigner(Path gnupgHome, String keyId, Path publicKeyring) {

  void sign(Path release) {
    Path dir = release.getParent();
    gpg(dir, "--clearsign", "--output", dir.resolve("InRelease").toString(), release.toString());
    gpg(
        dir,
        "--detach-sign",
        "--armor",
        "--output",
        dir.resolve("Release.gpg").toString(),
        release.toString());
  }

  private void gpg(Path dir, String... args) {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                "gpg",
                "--batch",
                "--yes",
                "--homedir",
                gnupgHome.toString(),
                "--local-user",
                keyId,
                "--digest-algo",
                "SHA256"));
    command.addAll(List.of(args));
    CommandRunner.run(dir, command);
  }
}
