package org.starlingx.stxbuild.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.starlingx.stxbuild.engine.iso.IsoSigner;
import org.starlingx.stxbuild.engine.iso.LocalIsoBuilder;
import org.starlingx.stxbuild.engine.scope.ScopeNames;
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

  @Option(
      names = "--key-file",
      description = "Secret key file to sign with (default: the key in $STX_ISO_SIGNING_KEY).")
  Path keyFile;

  @Option(names = "--key-id", description = "Id of the signing key.")
  String keyId;

  @Override
  public Integer call() throws java.io.IOException {
    ScopeNames names = scope.names();
    try (EnvironmentSecretFile keyFromJenkins = EnvironmentSecretFile.of(SIGNING_KEY)) {
      Path key = keyFile != null ? keyFile : keyFromJenkins.path();
      if (key != null && keyId == null) {
        throw new IllegalArgumentException("a signing key needs --key-id");
      }
      Path iso =
          LocalIsoBuilder.build(
              repo, "branch-" + names.line(), "STX_" + names.scopeId().toUpperCase(), output);
      System.out.println("ISO " + iso.toAbsolutePath());
      if (key != null) {
        System.out.println("signature " + IsoSigner.sign(iso, key, keyId).toAbsolutePath());
      }
    }
    return 0;
  }

  /** The environment variable the Jenkins plugin hands the signing key in. */
  static final String SIGNING_KEY = "STX_ISO_SIGNING_KEY";
}
