package org.starlingx.stxbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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

class WheelsCommandTest {
  static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

  @TempDir Path work;

  @Test
  void theTarballHoldsTheBranchsWheelsAndTheBaseWheels() throws Exception {
    Path repo = work.resolve("repo");
    String line =
        new ScopeNames(new BuildScope("ci", "starlingx", "master", "1"), NamingPolicy.DEFAULT)
            .line();
    LocalPackageRepository repository = new LocalPackageRepository(repo, List.of("amd64"), null);
    try (RepoSession session =
        repository.openSession(new SessionNames(line, line + "-b1", Map.of()))) {
      session.addPackages(
          List.of(
              new DebArchiveBuilder(work.resolve("stage"))
                  .build(
                      new BinaryPackageSpec(
                          "python3-stx-sample-wheels",
                          "0.3.1-1",
                          "all",
                          "wheels",
                          Map.of(
                              "/wheels/stx_sample-0.3.1-py3-none-any.whl",
                              "wheel bytes".getBytes(StandardCharsets.UTF_8))),
                      work.resolve("debs"))));
      session.complete();
    }
    CliRun run =
        CliRun.of(
            "wheels",
            "--tree",
            REPOSITORY.resolve("samples/stx-sample-tree").toString(),
            "--user",
            "ci",
            "--repo",
            repo.toString(),
            "--mirror",
            work.resolve("mirror").toString(),
            "--mirror-rewrite",
            "https://downloads.starlingx-build.invalid/="
                + REPOSITORY.resolve("samples/stx-sample-upstream").toUri(),
            "--output",
            work.resolve("wheels").toString());
    assertThat(run.exit()).as(run.err()).isZero();
    String listing =
        CommandRunner.run(
                work,
                List.of(
                    "tar", "-tf", work.resolve("wheels/stx-bullseye-stable-wheels.tar").toString()))
            .output();
    assertThat(listing.lines())
        .containsExactly(
            "stx_sample-0.3.1-py3-none-any.whl",
            "stx_sample_basewheel-0.1.0-py3-none-any.whl",
            "stx_sample_pinned-1.0.0-py3-none-any.whl");
    assertThat(run.out()).contains("base wheels: 2 of");
  }
}
