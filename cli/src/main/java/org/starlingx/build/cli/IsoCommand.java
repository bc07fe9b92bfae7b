package org.starlingx.build.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.starlingx.build.engine.iso.IsoSigner;
import org.starlingx.build.engine.iso.LocalIsoBuilder;
import org.starlingx.build.engine.scope.ScopeNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stx-build iso}: an ISO of a branch's last good packages, optionally signed. */
@Command(
    name = "iso",
    mixinStandardHelpOptions = true,
    description = {
      "Builds an ISO 9660 image holding the branch's last good packages as an apt repository"
          + " (local repository), and signs it with a detached GnuPG signature when a key is given.",
      "The key file is imported into a private, temporary GnuPG home and never printed."
    })
final class IsoCommand implements Callable<Integer> {
  @Mixin ScopeOptions scope;

  @Option(
      names = "--repo",
      defaultValue = "build-output/repo",
      description = "Local repository (default: ${DEFAULT-VALUE}).")
  Path repo;

  @Option(names = "--output", required = true, description = "The ISO file to write.")
  Path output;

  @Option(names = "--key-file", description = "Secret key file to sign with.")
  Path keyFile;

  @Option(names = "--key-id", description = "Id of the signing key.")
  String keyId;

  @Override
  public Integer call() {
    ScopeNames names = scope.names();
    Path iso =
        LocalIsoBuilder.build(
            repo, "branch-" + names.line(), "STX_" + names.scopeId().toUpperCase(), output);
    System.out.println("ISO " + iso.toAbsolutePath());
    if (keyFile != null) {
      if (keyId == null) {
        throw new IllegalArgumentException("--key-file needs --key-id");
      }
      System.out.println("signature " + IsoSigner.sign(iso, keyFile, keyId).toAbsolutePath());
    }
    return 0;
  }
}
