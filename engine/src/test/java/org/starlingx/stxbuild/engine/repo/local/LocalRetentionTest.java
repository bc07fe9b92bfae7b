package org.starlingx.stxbuild.engine.repo.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.repo.RepoSession;
import org.starlingx.stxbuild.engine.repo.SessionNames;
import org.starlingx.stxbuild.engine.repo.testing.SamplePackages;
import org.starlingx.stxbuild.engine.retention.RetentionPolicy;
import org.starlingx.stxbuild.engine.retention.RetentionSweeper;

class LocalRetentionTest {
  @TempDir Path work;

  @Test
  void oldSessionsAndTheirOnlyFilesGoWhileReleasesAndBranchesStay() throws Exception {
    LocalPackageRepository repository =
        new LocalPackageRepository(work.resolve("repo"), List.of("amd64"), null);
    SamplePackages samples = new SamplePackages(work);
    Path onlyOld = samples.build("stx-only-old", "1.0-1", 256);
    Path shared = samples.build("stx-shared", "1.0-1", 256);

    RepoSession old = repository.openSession(new SessionNames("main", "main-b1", Map.of()));
    old.addPackages(List.of(onlyOld, shared));
    old.publish();
    RepoSession good = repository.openSession(new SessionNames("main", "main-b2", Map.of()));
    good.addPackages(List.of(shared));
    good.promoteRelease("r1");
    good.complete();

    Clock later = Clock.fixed(Instant.now().plus(Duration.ofDays(15)), ZoneOffset.UTC);
    LocalRetentionStore store = new LocalRetentionStore(repository, Duration.ZERO, later);
    new RetentionSweeper(RetentionPolicy.DEFAULT, later).sweep(store, false);

    assertThat(repository.root().resolve("dists/session-main-b1")).doesNotExist();
    assertThat(repository.releaseSource("r1")).isPresent();
    assertThat(repository.branchSource("main")).isPresent();
    assertThat(debsInPool(repository)).containsExactly("stx-shared_1.0-1_amd64.deb");
  }

  private static List<String> debsInPool(LocalPackageRepository repository) throws Exception {
    try (Stream<Path> files = Files.walk(repository.root().resolve("pool"))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".deb")).toList();
    }
  }
}
