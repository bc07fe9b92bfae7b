package org.starlingx.stxbuild.engine.repo.pulp;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.starlingx.stxbuild.engine.repo.AptSource;
import org.starlingx.stxbuild.engine.repo.MirrorDownload;

/**
 * Mirrors shared by every build and kept forever: upstream apt distributions (deb remotes) and
 * 3rd-party source files (file content Pulp downloads itself). Everything here carries {@code
 * stx.role=mirror}, which retention never selects.
 */
public final class PulpMirrors {
  static final Map<String, String> LABELS =
      Map.of(PulpPackageRepository.ROLE, "mirror", "stx.keep", "forever");
  static final String DOWNLOADS = "stx-mirror-downloads";

  private final PulpClient pulp;

  public PulpMirrors(PulpClient pulp) {
    this.pulp = pulp;
  }

  /**
   * Makes (or refreshes) the mirror of an upstream apt repository and returns the apt source that
   * serves it, for the first of the remote's distributions and components.
   */
  public AptSource mirrorApt(PulpDeb.RemoteSpec spec) {
    String name = "stx-mirror-" + spec.name();
    PulpRepositories repositories = pulp.deb().repositories();
    String remote =
        pulp.deb()
            .findRemote(name)
            .orElseGet(() -> pulp.deb().createRemote(withName(spec, name), LABELS));
    PulpRepository repository =
        repositories.find(name).orElseGet(() -> repositories.create(name, LABELS));
    pulp.deb().sync(repository.href(), remote);
    String version = repositories.get(repository.href()).latestVersionHref();
    String publication = pulp.deb().publishMirror(version);
    PulpDistribution distribution =
        repositories.serve(name, "stx/mirrors/" + spec.name(), publication, LABELS);
    String suite = spec.distributions().split("\\s+")[0];
    String component = spec.components() == null ? "main" : spec.components().split("\\s+")[0];
    return AptSource.trusted(distribution.baseUrl(), suite, component);
  }

  /**
   * Makes sure the downloads mirror holds the file with the expected checksum, having Pulp fetch it
   * from upstream if not, and returns where the content app serves it.
   *
   * @throws PulpException when the upstream's file does not match the checksum; the wrong file is
   *     taken out of the mirror again
   */
  public URI ensureDownload(MirrorDownload download) {
    PulpRepositories repositories = pulp.files().repositories();
    PulpRepository repository =
        repositories.find(DOWNLOADS).orElseGet(() -> repositories.create(DOWNLOADS, LABELS));
    if (held(repository, download).isEmpty()) {
      String content =
          pulp.files().createFromUrl(download.fileName(), download.url(), repository.href());
      if (!matches(content, download)) {
        repositories.modify(repository.href(), List.of(), List.of(content), null);
        throw new PulpException(
            download.url()
                + " does not have the "
                + download.algorithm()
                + " "
                + download.checksum()
                + " expected for "
                + download.fileName()
                + "; it was not kept in the mirror",
            -1);
      }
      String publication = pulp.files().publishLatest(repository.href());
      repositories.serve(DOWNLOADS, "stx/mirrors/downloads", publication, LABELS);
    }
    PulpDistribution distribution = repositories.findDistribution(DOWNLOADS).orElseThrow();
    return distribution.baseUrl().resolve(download.fileName());
  }

  /** Whether the downloads mirror already holds the file with the expected checksum. */
  public boolean holds(MirrorDownload download) {
    return pulp.files()
        .repositories()
        .find(DOWNLOADS)
        .map(repository -> held(repository, download).isPresent())
        .orElse(false);
  }

  /** The file content in the mirror's latest version with this name and checksum, if any. */
  private Optional<String> held(PulpRepository repository, MirrorDownload download) {
    String version = pulp.files().repositories().get(repository.href()).latestVersionHref();
    return pulp.files().inVersion(version, download.fileName()).stream()
        .filter(content -> matches(content.path("pulp_href").asText(), download))
        .map(content -> content.path("pulp_href").asText())
        .findFirst();
  }

  private boolean matches(String contentHref, MirrorDownload download) {
    JsonNode artifact = pulp.files().artifactOf(contentHref);
    return download.checksum().equals(artifact.path(download.algorithm()).asText());
  }

  private static PulpDeb.RemoteSpec withName(PulpDeb.RemoteSpec spec, String name) {
    return new PulpDeb.RemoteSpec(
        name,
        spec.url(),
        spec.distributions(),
        spec.components(),
        spec.architectures(),
        spec.policy());
  }
}
