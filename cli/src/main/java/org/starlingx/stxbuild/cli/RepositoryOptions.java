package org.starlingx.stxbuild.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.starlingx.stxbuild.engine.repo.local.LocalPackageRepository;
import org.starlingx.stxbuild.engine.repo.local.LocalRetentionStore;
import org.starlingx.stxbuild.engine.repo.pulp.PulpClient;
import org.starlingx.stxbuild.engine.repo.pulp.PulpConnection;
import org.starlingx.stxbuild.engine.repo.pulp.PulpRetentionStore;
import org.starlingx.stxbuild.engine.retention.RetentionStore;
import picocli.CommandLine.Option;

/**
 * Which repository a command works on: the local directory (default) or a Pulp server. The Pulp
 * password comes from a file or the environment, never from the command line, so it shows in no
 * process list or shell history.
 */
final class RepositoryOptions {
  @Option(
      names = "--repo",
      defaultValue = "build-output/repo",
      description =
          "Local repository directory (default: ${DEFAULT-VALUE}); ignored with --pulp-url.")
  Path localRoot;

  @Option(names = "--pulp-url", description = "Pulp API URL, for example http://pulp:24817.")
  URI pulpUrl;

  @Option(
      names = "--pulp-content-url",
      description =
          "Pulp content app URL as this process reaches it; when given, the URLs Pulp publishes"
              + " (its CONTENT_ORIGIN) are read there, for a process that cannot reach that origin"
              + " (default: the API URL's host on port 24816, where pods reach it; published URLs"
              + " are then read as published).")
  URI pulpContentUrl;

  @Option(
      names = "--pulp-user",
      defaultValue = "admin",
      description = "Pulp user (default: admin).")
  String pulpUser;

  @Option(
      names = "--pulp-password-file",
      description = "File holding the Pulp password (default: $STX_PULP_PASSWORD).")
  Path pulpPasswordFile;

  boolean usesPulp() {
    return pulpUrl != null;
  }

  /**
   * One client per command: it logs in once and keeps Pulp's session cookie, and a login costs Pulp
   * a password hash (about a second on a busy server), so the build, its status and its logs share
   * it rather than each logging in again.
   */
  synchronized PulpClient pulp() {
    if (pulp == null) {
      // Only an explicit content URL redirects what Pulp publishes; the default is a guess.
      pulp =
          new PulpClient(
              new PulpConnection(pulpUrl, contentUrl(), pulpUser, password()), pulpContentUrl);
    }
    return pulp;
  }

  private PulpClient pulp;

  /** Pulp's content app as this process reaches it. */
  URI contentUrl() {
    return pulpContentUrl != null
        ? pulpContentUrl
        : URI.create(pulpUrl.getScheme() + "://" + pulpUrl.getHost() + ":24816");
  }

  LocalPackageRepository local() {
    return new LocalPackageRepository(localRoot, List.of("amd64"), null);
  }

  /** The package repository these options name. */
  org.starlingx.stxbuild.engine.repo.PackageRepository packageRepository() {
    return usesPulp()
        ? new org.starlingx.stxbuild.engine.repo.pulp.PulpPackageRepository(pulp(), null)
        : local();
  }

  RetentionStore retentionStore() {
    if (usesPulp()) {
      return new PulpRetentionStore(pulp(), Duration.ofHours(1));
    }
    return new LocalRetentionStore(local(), Duration.ofHours(1), Clock.systemUTC());
  }

  /** The apt source of {@code line}'s last good build, or an error that says {@code why}. */
  org.starlingx.stxbuild.engine.repo.AptSource lastGoodBuild(String line, String why) {
    return packageRepository()
        .branchSource(line)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "branch line '" + line + "' has no good build in " + where() + "; " + why));
  }

  String where() {
    return usesPulp() ? "Pulp at " + pulpUrl : "local repository " + localRoot.toAbsolutePath();
  }

  String password() {
    if (pulpPasswordFile != null) {
      try {
        return Files.readString(pulpPasswordFile).strip();
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot read the Pulp password file '" + pulpPasswordFile + "'", e);
      }
    }
    String fromEnvironment = System.getenv("STX_PULP_PASSWORD");
    if (fromEnvironment == null || fromEnvironment.isEmpty()) {
      throw new IllegalArgumentException(
          "--pulp-url needs a password: give --pulp-password-file or set STX_PULP_PASSWORD");
    }
    return fromEnvironment;
  }
}
