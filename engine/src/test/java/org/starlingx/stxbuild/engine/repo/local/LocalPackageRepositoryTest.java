package org.starlingx.stxbuild.engine.repo.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.starlingx.stxbuild.engine.repo.PackageRepository;
import org.starlingx.stxbuild.engine.repo.PackageRepositoryContract;
import org.starlingx.stxbuild.engine.repo.RepoSession;

/** The local repository against the contract: needs dpkg-deb and apt-get, no service. */
class LocalPackageRepositoryTest extends PackageRepositoryContract {
  private LocalPackageRepository repository;

  @BeforeEach
  void createRepository() {
    repository = new LocalPackageRepository(work.resolve("repo"), List.of("amd64"), null);
  }

  @Override
  protected PackageRepository repository() {
    return repository;
  }

  @Test
  void layoutIsPoolAndDistsWithPlainAndCompressedIndexes() throws Exception {
    try (RepoSession session = repository.openSession(names("main", "1"))) {
      session.addPackages(List.of(samples.build("stx-layout-" + run, "1.0-1", 100)));
      session.publish();
      Path suite = repository.root().resolve("dists/session-main-" + run + "-b1");
      assertThat(suite.resolve("Release")).isRegularFile();
      assertThat(suite.resolve("main/binary-amd64/Packages")).isRegularFile();
      assertThat(suite.resolve("main/binary-amd64/Packages.gz")).isRegularFile();
      assertThat(Files.readString(suite.resolve("Release")))
          .contains("SHA256:", "main/binary-amd64/Packages.gz", "Components: main");
      try (var pool = Files.walk(repository.root().resolve("pool"))) {
        assertThat(pool.filter(p -> p.toString().endsWith(".deb")).count()).isEqualTo(1);
      }
    }
  }

  @Test
  void abortRemovesTheSuiteButKeepsPoolFiles() {
    Path deb = samples.build("stx-abort-" + run, "1.0-1", 100);
    RepoSession session = repository.openSession(names("main", "1"));
    session.addPackages(List.of(deb));
    session.publish();
    session.abort();
    assertThat(repository.root().resolve("dists/session-main-" + run + "-b1")).doesNotExist();
    try (var pool = Files.walk(repository.root().resolve("pool"))) {
      assertThat(pool.anyMatch(p -> p.getFileName().equals(deb.getFileName()))).isTrue();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
