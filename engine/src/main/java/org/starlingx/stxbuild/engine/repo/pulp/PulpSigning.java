package org.starlingx.stxbuild.engine.repo.pulp;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How publications are signed: Pulp's signing service for apt Release files, and the public keyring
 * builders give apt ({@code signed-by=}) to verify them.
 */
public record PulpSigning(String serviceHref, Path publicKeyring) {
  public PulpSigning {
    Objects.requireNonNull(serviceHref, "signing service href");
    Objects.requireNonNull(publicKeyring, "public keyring");
  }
}
