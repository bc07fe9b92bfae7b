package org.starlingx.stxbuild.engine.reuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.deb.BinaryPackageSpec;
import org.starlingx.stxbuild.engine.deb.DebArchiveBuilder;
import org.starlingx.stxbuild.engine.repo.FileDigests;
import org.starlingx.stxbuild.engine.repo.RepoSession;
import org.starlingx.stxbuild.engine.repo.SessionNames;
import org.starlingx.stxbuild.engine.repo.local.LocalPackageRepository;

/**
 * The local repository keeps build records as Pulp does, and reuse honours scope and never_reuse.
 */
class LocalRecordsTest {
  @TempDir Path work;

  @Test
  void anotherLinesBuildIsReusedByReferenceWithinTheScope() {
    LocalPackageRepository repository =
        new LocalPackageRepository(work.resolve("repo"), List.of("amd64"), null);
    Path deb =
        new DebArchiveBuilder(work.resolve("stage"))
            .build(
                new BinaryPackageSpec("shim", "1.0-1", "amd64", "s", Map.of()),
                work.resolve("out"));
    String sha256 = FileDigests.of(deb).sha256();
    try (RepoSession a = repository.openSession(names("a-line", "a-1"))) {
      a.addPackages(List.of(deb));
      a.complete();
    }
    BuildRecord.Deb file = new BuildRecord.Deb(deb.getFileName().toString(), sha256);
    new RepositoryReuse(
            repository.buildRecords(), ReuseSettings.defaults(), java.util.Set.of(), "a-line", "p1")
        .record(List.of(new RepositoryReuse.Built("shim", "f1", List.of(file))));

    try (RepoSession b = repository.openSession(names("b-line", "b-1"))) {
      RepositoryReuse everything =
          new RepositoryReuse(
              repository.buildRecords(),
              ReuseSettings.defaults(),
              java.util.Set.of(),
              "b-line",
              "p1");
      assertThat(everything.tryReuse("shim", "f1", b)).isPresent();
      assertThat(b.packages()).containsExactly("shim=1.0-1");
      assertThat(everything.tryReuse("shim", "other-inputs", b)).isEmpty();

      RepositoryReuse otherProject =
          new RepositoryReuse(
              repository.buildRecords(),
              new ReuseSettings(ReuseScope.PROJECT, false),
              java.util.Set.of(),
              "b-line",
              "p2");
      assertThat(otherProject.tryReuse("shim", "f1", b)).isEmpty();

      RepositoryReuse neverShim =
          new RepositoryReuse(
              repository.buildRecords(),
              ReuseSettings.defaults(),
              NeverReuse.defaults(),
              "b-line",
              "p1");
      assertThat(neverShim.tryReuse("shim", "f1", b)).as("shim is never_reuse").isEmpty();
      RepositoryReuse maximum =
          new RepositoryReuse(
              repository.buildRecords(),
              new ReuseSettings(ReuseScope.EVERYTHING, true),
              NeverReuse.defaults(),
              "b-line",
              "p1");
      assertThat(maximum.tryReuse("shim", "f1", b)).as("--reuse-maximum").isPresent();
      assertThat(b.fetch(file, work)).hasSameBinaryContentAs(deb);
    }
  }

  private static SessionNames names(String branch, String session) {
    return new SessionNames(branch, session, Map.of());
  }
}
