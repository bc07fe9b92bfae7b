package org.starlingx.stxbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.deb.BinaryPackageSpec;
import org.starlingx.stxbuild.engine.deb.DebArchiveBuilder;
import org.starlingx.stxbuild.engine.exec.CommandRunner;
import org.starlingx.stxbuild.engine.repo.RepoSession;
import org.starlingx.stxbuild.engine.repo.SessionNames;
import org.starlingx.stxbuild.engine.repo.local.LocalPackageRepository;
import org.starlingx.stxbuild.engine.scope.BuildScope;
import org.starlingx.stxbuild.engine.scope.NamingPolicy;
import org.starlingx.stxbuild.engine.scope.ScopeNames;

/** {@code stx-build images --push}: the sample tree's image built and pushed to a real registry. */
class ImagesCommandIT {
  static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

  @TempDir Path work;

  @Test
  void buildsTheListedImageOnTheBranchsPackagesAndPushesIt() throws Exception {
    String registry =
        CommandRunner.run(REPOSITORY, List.of("bash", "testenv/registry.sh", "up"))
            .output()
            .strip()
            .lines()
            .reduce((a, b) -> b)
            .orElseThrow();
    Path repo = work.resolve("repo");
    String buildId = "c" + Long.toHexString(System.nanoTime());
    String line =
        new ScopeNames(new BuildScope("ci", "starlingx", "master", buildId), NamingPolicy.DEFAULT)
            .line();
    LocalPackageRepository repository = new LocalPackageRepository(repo, List.of("amd64"), null);
    try (RepoSession session =
        repository.openSession(new SessionNames(line, line + "-b1", Map.of()))) {
      session.addPackages(
          List.of(
              new DebArchiveBuilder(work.resolve("stage"))
                  .build(
                      new BinaryPackageSpec("stx-x", "1.0", "all", "x", Map.of()),
                      work.resolve("debs"))));
      session.complete();
    }
    Path auth = work.resolve("auth.json");
    Files.writeString(auth, "{\"auths\":{\"" + registry + "\":{\"auth\":\"dTpw\"}}}");

    CliRun run =
        CliRun.of(
            "images",
            "--tree",
            REPOSITORY.resolve("samples/stx-sample-tree").toString(),
            "--user",
            "ci",
            "--build-id",
            buildId,
            "--repo",
            repo.toString(),
            "--registry",
            registry,
            "--output",
            work.resolve("images").toString(),
            "--push",
            "--authfile",
            auth.toString(),
            "--tls-verify=false");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("pushed with");
    String tags =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://" + registry + "/v2/starlingx/stx-sample-tool/tags/list"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(tags).contains("-debian-stable-" + buildId, "-debian-stable-latest");
  }
}
