package org.starlingx.stxbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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

class HelmChartsCommandTest {
  @TempDir Path work;

  private Path deb(String name, Map<String, String> files) {
    Map<String, byte[]> bytes = new java.util.HashMap<>();
    files.forEach((path, text) -> bytes.put(path, text.getBytes(StandardCharsets.UTF_8)));
    return new DebArchiveBuilder(work.resolve("stage-" + name))
        .build(new BinaryPackageSpec(name, "1.2-0", "all", name, bytes), work.resolve("debs"));
  }

  @Test
  void assemblesTheApplicationsOfTheBranchsLastGoodBuildFetchedThroughItsAptSource()
      throws Exception {
    Path repo = work.resolve("repo");
    String line =
        new ScopeNames(new BuildScope("ci", "starlingx", "master", "1"), NamingPolicy.DEFAULT)
            .line();
    LocalPackageRepository repository = new LocalPackageRepository(repo, List.of("amd64"), null);
    try (RepoSession session =
        repository.openSession(new SessionNames(line, line + "-b1", Map.of()))) {
      session.addPackages(
          List.of(
              deb(
                  "stx-demo-helm",
                  Map.of(
                      "/usr/lib/helm/demo-0.1.0.tgz", "chart",
                      "/usr/lib/fluxcd/demo/overrides.yaml",
                          "image: docker.io/starlingx/stx-demo:master-debian-stable-latest\n")),
              deb("demo-charts-helm", Map.of("/usr/lib/helm/other-0.2.0.tgz", "chart only")),
              deb("stx-unrelated", Map.of("/usr/bin/x", "x"))));
      session.complete();
    }
    Path record = work.resolve("images-debian-stable-versioned.lst");
    Files.writeString(record, "# built\nreg.local/stx/stx-demo:master-debian-stable-20261124\n");

    CliRun run =
        CliRun.of(
            "helm-charts",
            "--user",
            "ci",
            "--repo",
            repo.toString(),
            "--label",
            "debian-stable-versioned",
            "--image-record",
            record.toString(),
            "--output",
            work.resolve("helm").toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("application stx-demo 1.2-0-debian-stable-versioned")
        .doesNotContain("demo-charts-helm:");
    Path tarball = work.resolve("helm/stx-demo-1.2-0-debian-stable-versioned.tgz");
    assertThat(tarball).exists();
    String overrides =
        CommandRunner.run(
                work,
                List.of(
                    "tar", "-xzOf", tarball.toString(), "./fluxcd-manifests/demo/overrides.yaml"))
            .output();
    assertThat(overrides).contains("reg.local/stx/stx-demo:master-debian-stable-20261124");
  }

  @Test
  void anApplicationPackageTheBranchDoesNotHoldIsNamedInTheError() throws Exception {
    Path repo = work.resolve("repo");
    String line =
        new ScopeNames(new BuildScope("ci", "starlingx", "master", "1"), NamingPolicy.DEFAULT)
            .line();
    LocalPackageRepository repository = new LocalPackageRepository(repo, List.of("amd64"), null);
    try (RepoSession session =
        repository.openSession(new SessionNames(line, line + "-b1", Map.of()))) {
      session.addPackages(List.of(deb("stx-unrelated", Map.of("/usr/bin/x", "x"))));
      session.complete();
    }
    CliRun run =
        CliRun.of(
            "helm-charts",
            "--user",
            "ci",
            "--repo",
            repo.toString(),
            "--app-package",
            "stx-nope-helm",
            "--output",
            work.resolve("helm").toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("application package 'stx-nope-helm' is not in");
  }
}
