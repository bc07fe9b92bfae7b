package org.starlingx.stxbuild.engine.repo.pulp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.deb.BinaryPackageSpec;
import org.starlingx.stxbuild.engine.deb.DebArchiveBuilder;
import org.starlingx.stxbuild.testenv.pulp.PulpEndpoint;
import org.starlingx.stxbuild.testenv.pulp.PulpServerExtension;

/** A real {@code .deb} goes into the real Pulp and comes back through the content app unchanged. */
@ExtendWith(PulpServerExtension.class)
class PulpDebRoundTripIT {
  private final List<String> created = new ArrayList<>();
  private PulpClient pulp;

  @AfterEach
  void deleteWhatTheTestCreated() {
    for (int i = created.size() - 1; i >= 0; i--) {
      pulp.delete(created.get(i));
    }
  }

  @Test
  void debPackageRoundTripsThroughRepositoryPublicationAndDistribution(
      PulpEndpoint endpoint, @TempDir Path work) throws Exception {
    pulp = connect(endpoint);
    String run = UUID.randomUUID().toString().substring(0, 8);
    Path deb =
        new DebArchiveBuilder(work.resolve("stage"))
            .build(
                new BinaryPackageSpec(
                    "stx-roundtrip-" + run,
                    "1.0-1",
                    "amd64",
                    "round-trip test package",
                    Map.of(
                        "/usr/share/doc/stx-roundtrip/payload",
                        ("payload " + run).getBytes(StandardCharsets.UTF_8))),
                work.resolve("out"));

    PulpRepository repository =
        pulp.deb().repositories().create("it-roundtrip-" + run, Map.of("stx.test", "round-trip"));
    created.add(repository.href());
    PulpTask upload = pulp.deb().uploadPackage(deb, repository.href());
    assertThat(upload.state()).isEqualTo("completed");
    String version = pulp.deb().repositories().get(repository.href()).latestVersionHref();
    assertThat(version).endsWith("/versions/1/");

    String publication = pulp.deb().publish(version, null);
    PulpDistribution distribution =
        pulp.deb()
            .repositories()
            .createDistribution(
                "it-roundtrip-" + run,
                "it/roundtrip-" + run,
                publication,
                Map.of("stx.test", "rt"));
    created.add(distribution.href());

    String release = fetchText(distribution, "dists/default/Release", work);
    String packagesIndex =
        release
            .lines()
            .map(String::strip)
            .map(line -> line.substring(line.lastIndexOf(' ') + 1))
            .filter(path -> path.endsWith("binary-amd64/Packages"))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("no amd64 Packages index in Release:\n" + release));
    String packages = fetchText(distribution, "dists/default/" + packagesIndex, work);
    String filename =
        packages
            .lines()
            .filter(line -> line.startsWith("Filename: "))
            .map(line -> line.substring("Filename: ".length()).strip())
            .findFirst()
            .orElseThrow(() -> new AssertionError("no Filename in Packages:\n" + packages));
    assertThat(packages).contains("Package: stx-roundtrip-" + run);

    Path downloaded =
        pulp.download(distribution.baseUrl().resolve(filename), work.resolve("downloaded.deb"));
    assertThat(Files.readAllBytes(downloaded)).isEqualTo(Files.readAllBytes(deb));
  }

  private String fetchText(PulpDistribution distribution, String path, Path work) throws Exception {
    Path file = pulp.download(distribution.baseUrl().resolve(path), work.resolve("index.txt"));
    return Files.readString(file);
  }

  private static PulpClient connect(PulpEndpoint endpoint) {
    return new PulpClient(
        new PulpConnection(
            endpoint.apiUrl(), endpoint.contentUrl(), endpoint.username(), endpoint.password()));
  }
}
