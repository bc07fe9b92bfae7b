package org.starlingx.stxbuild.engine.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.apt.PrivateAptRoot;
import org.starlingx.stxbuild.engine.repo.testing.SamplePackages;

/**
 * What every {@link PackageRepository} must do, proven with real {@code .deb} files and the real
 * apt-get. Pulp and the local repository both run it.
 */
public abstract class PackageRepositoryContract {
  @TempDir protected Path work;
  protected SamplePackages samples;
  protected String run;

  /** The repository under test; a fresh one or a shared one, names are unique per test. */
  protected abstract PackageRepository repository();

  @BeforeEach
  void prepare() {
    samples = new SamplePackages(work);
    run = UUID.randomUUID().toString().substring(0, 8);
  }

  protected SessionNames names(String branch, String build) {
    return new SessionNames(
        branch + "-" + run, branch + "-" + run + "-b" + build, Map.of("stx.test", "contract"));
  }

  @Test
  void publishedSessionIsAnAptSourceThatAptGetAccepts() throws Exception {
    Path hello = samples.build("stx-hello-" + run, "1.0-1", 2048);
    Path world = samples.build("stx-world-" + run, "2.0-1", 4096);
    try (RepoSession session = repository().openSession(names("main", "1"))) {
      session.addPackages(List.of(hello, world));
      AptSource source = session.publish();

      PrivateAptRoot apt = new PrivateAptRoot(work.resolve("apt")).sources(source);
      apt.update();
      Path downloaded = apt.download("stx-world-" + run);

      assertThat(Files.readAllBytes(downloaded)).isEqualTo(Files.readAllBytes(world));
    }
  }

  @Test
  void aFileTheRepositoryHoldsIsNotStoredOrSentAgain() {
    Path shared = samples.build("stx-shared-" + run, "1.0-1", 8192);
    try (RepoSession first = repository().openSession(names("a", "1"));
        RepoSession second = repository().openSession(names("b", "1"))) {
      AddResult firstAdd = first.addPackages(List.of(shared));
      AddResult secondAdd = second.addPackages(List.of(shared));

      assertThat(firstAdd.storedNew()).isEqualTo(1);
      assertThat(firstAdd.bytesTransferred()).isEqualTo(firstAdd.bytesProduced());
      assertThat(secondAdd.storedNew()).isZero();
      assertThat(secondAdd.bytesTransferred()).isZero();
      assertThat(second.packages()).containsExactly("stx-shared-" + run + "=1.0-1");
    }
  }

  @Test
  void aNewSessionStartsFromTheBranchsLastGoodContent() throws Exception {
    Path base = samples.build("stx-base-" + run, "1.0-1", 1024);
    Path tool = samples.build("stx-tool-" + run, "1.0-1", 1024);
    try (RepoSession first = repository().openSession(names("main", "1"))) {
      first.addPackages(List.of(base, tool));
      first.complete();
    }
    Path newTool = samples.build("stx-tool-" + run, "1.1-1", 1024);
    try (RepoSession second = repository().openSession(names("main", "2"))) {
      assertThat(second.packages())
          .containsExactlyInAnyOrder("stx-base-" + run + "=1.0-1", "stx-tool-" + run + "=1.0-1");
      second.addPackages(List.of(newTool));
      assertThat(second.packages()).contains("stx-tool-" + run + "=1.1-1");
      AptSource branch = second.complete();

      PrivateAptRoot apt = new PrivateAptRoot(work.resolve("apt")).sources(branch);
      apt.update();
      assertThat(Files.readAllBytes(apt.download("stx-base-" + run)))
          .isEqualTo(Files.readAllBytes(base));
    }
    assertThat(repository().branchSource("main-" + run)).isPresent();
  }

  @Test
  void aPromotedReleaseOutlivesItsSessionAndIsServed() throws Exception {
    Path deb = samples.build("stx-release-" + run, "10.0-1", 1024);
    RepoSession session = repository().openSession(names("r10", "1"));
    session.addPackages(List.of(deb));
    session.promoteRelease("stx-10-" + run);
    session.close();

    AptSource release = repository().releaseSource("stx-10-" + run).orElseThrow();
    PrivateAptRoot apt = new PrivateAptRoot(work.resolve("apt")).sources(release);
    apt.update();
    assertThat(Files.readAllBytes(apt.download("stx-release-" + run)))
        .isEqualTo(Files.readAllBytes(deb));
    assertThat(repository().releaseSource("never-promoted-" + run)).isEmpty();
  }

  @Test
  void abortingOneSessionLeavesTheOthersAndTheBranchIntact() throws Exception {
    Path kept = samples.build("stx-kept-" + run, "1.0-1", 1024);
    try (RepoSession good = repository().openSession(names("main", "1"))) {
      good.addPackages(List.of(kept));
      good.complete();
    }
    RepoSession other = repository().openSession(names("main", "3"));
    other.addPackages(List.of(kept));
    AptSource otherSource = other.publish();

    RepoSession doomed = repository().openSession(names("main", "2"));
    doomed.addPackages(List.of(kept, samples.build("stx-doomed-" + run, "1.0-1", 1024)));
    doomed.publish();
    doomed.abort();

    AptSource branch = repository().branchSource("main-" + run).orElseThrow();
    PrivateAptRoot apt = new PrivateAptRoot(work.resolve("apt")).sources(branch, otherSource);
    apt.update();
    assertThat(Files.readAllBytes(apt.download("stx-kept-" + run)))
        .isEqualTo(Files.readAllBytes(kept));
    other.close();
  }
}
