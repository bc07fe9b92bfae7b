package org.starlingx.stxbuild.engine.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.apt.PrivateAptRoot;
import org.starlingx.stxbuild.engine.repo.AptSource;
import org.starlingx.stxbuild.engine.repo.RepoSession;
import org.starlingx.stxbuild.engine.repo.SessionNames;
import org.starlingx.stxbuild.engine.repo.local.LocalPackageRepository;
import org.starlingx.stxbuild.engine.repo.testing.SamplePackages;

/** A release of the local repository backed up into a second directory, verified by sha256. */
class ReleaseBackupTest {
  @TempDir Path work;

  @Test
  void backupHoldsEveryReleasedFileIsAnAptSourceItselfAndVerifies() throws Exception {
    AptSource release = releaseWith(List.of("stx-a", "stx-b"));
    ReleaseBackup backup = new ReleaseBackup(work.resolve("backup"));

    ReleaseBackup.Copied copied = backup.backUp("r1", release);

    assertThat(copied.files()).isGreaterThanOrEqualTo(2 + 3);
    assertThat(backup.verify("r1", release)).isEmpty();
    AptSource fromBackup = new AptSource(copied.directory().toUri(), release.suite(), "main", null);
    PrivateAptRoot apt = new PrivateAptRoot(work.resolve("apt")).sources(fromBackup);
    apt.update();
    assertThat(apt.download("stx-b")).isRegularFile();
    assertThat(backup.backUp("r1", release).files()).isZero();
  }

  @Test
  void aDamagedBackupCopyIsReportedByPath() throws Exception {
    AptSource release = releaseWith(List.of("stx-a"));
    ReleaseBackup backup = new ReleaseBackup(work.resolve("backup"));
    Path directory = backup.backUp("r1", release).directory();
    Path deb;
    try (var files = Files.walk(directory.resolve("pool"))) {
      deb = files.filter(p -> p.toString().endsWith(".deb")).findFirst().orElseThrow();
    }
    Files.write(deb, new byte[] {1, 2, 3});

    List<ReleaseBackup.Mismatch> mismatches = backup.verify("r1", release);

    assertThat(mismatches)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.where()).isEqualTo("backup");
              assertThat(m.path()).endsWith("stx-a_1.0-1_amd64.deb");
            });
  }

  private AptSource releaseWith(List<String> names) {
    LocalPackageRepository repository =
        new LocalPackageRepository(work.resolve("repo"), List.of("amd64"), null);
    SamplePackages samples = new SamplePackages(work);
    RepoSession session = repository.openSession(new SessionNames("main", "main-b1", Map.of()));
    session.addPackages(names.stream().map(n -> samples.build(n, "1.0-1", 300)).toList());
    session.promoteRelease("r1");
    session.close();
    return repository.releaseSource("r1").orElseThrow();
  }
}
