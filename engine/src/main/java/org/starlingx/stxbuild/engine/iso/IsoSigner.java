package org.starlingx.stxbuild.engine.iso;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.starlingx.stxbuild.engine.exec.CommandFailedException;
import org.starlingx.stxbuild.engine.exec.CommandRunner;
import org.starlingx.stxbuild.engine.files.FileTrees;

/**
 * Signs an ISO with a detached GnuPG signature ({@code <iso>.asc}) using a secret key given as a
 * file (as a Jenkins secret file credential provides it). The key lives only in a private,
 * temporary GnuPG home that is removed afterwards, and is never printed.
 */
public final class IsoSigner {
  private IsoSigner() {}

  public static Path sign(Path iso, Path secretKeyFile, String keyId) {
    Path home = null;
    try {
      home =
          Files.createTempDirectory(
              "stx-iso-sign-",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      Path dir = iso.toAbsolutePath().getParent();
      gpg(home, dir, "--import", secretKeyFile.toAbsolutePath().toString());
      Path signature = dir.resolve(iso.getFileName() + ".asc");
      Files.deleteIfExists(signature);
      gpg(
          home,
          dir,
          "--local-user",
          keyId,
          "--digest-algo",
          "SHA256",
          "--detach-sign",
          "--armor",
          "--output",
          signature.toString(),
          iso.toAbsolutePath().toString());
      return signature;
    } catch (CommandFailedException e) {
      throw new IllegalArgumentException(
          "cannot sign "
              + iso.getFileName()
              + " with key "
              + keyId
              + " from "
              + secretKeyFile
              + ": "
              + e.getMessage(),
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot sign " + iso, e);
    } finally {
      if (home != null) {
        FileTrees.delete(home);
      }
    }
  }

  /** True when {@code signature} is a good signature of {@code iso} by a key in {@code keyring}. */
  public static boolean verify(Path iso, Path signature, Path publicKeyring) {
    try {
      CommandRunner.run(
          iso.toAbsolutePath().getParent(),
          List.of(
              "gpgv",
              "--keyring",
              publicKeyring.toAbsolutePath().toString(),
              signature.toAbsolutePath().toString(),
              iso.toAbsolutePath().toString()));
      return true;
    } catch (CommandFailedException e) {
      return false;
    }
  }

  private static void gpg(Path home, Path dir, String... args) {
    List<String> command =
        new java.util.ArrayList<>(List.of("gpg", "--batch", "--yes", "--homedir", home.toString()));
    command.addAll(List.of(args));
    CommandRunner.run(dir, command);
  }
}
