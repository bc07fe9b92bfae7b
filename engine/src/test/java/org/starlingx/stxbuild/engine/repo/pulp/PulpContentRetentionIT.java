package org.starlingx.stxbuild.engine.repo.pulp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.repo.FileDigests;
import org.starlingx.stxbuild.engine.repo.RepoSession;
import org.starlingx.stxbuild.engine.repo.SessionNames;
import org.starlingx.stxbuild.engine.repo.testing.SamplePackages;
import org.starlingx.stxbuild.engine.retention.BuildContent;
import org.starlingx.stxbuild.engine.retention.RetentionPolicy;
import org.starlingx.stxbuild.engine.retention.RetentionReport;
import org.starlingx.stxbuild.engine.retention.RetentionStore;
import org.starlingx.stxbuild.engine.retention.RetentionSweeper;
import org.starlingx.stxbuild.engine.retention.StoredItem;
import org.starlingx.stxbuild.engine.reuse.BuildRecord;
import org.starlingx.stxbuild.engine.reuse.RepositoryReuse;
import org.starlingx.stxbuild.engine.reuse.ReuseSettings;
import org.starlingx.stxbuild.testenv.pulp.PulpEndpoint;
import org.starlingx.stxbuild.testenv.pulp.PulpServerExtension;

/**
 * Retention on the real Pulp keeps every package a kept build refers to, and only those: build A
 * makes a library and an app; build B of the same line reuses A's library by its record and
 * rebuilds the app; A expires. The sweep keeps the library (B refers to it) and B's app, removes
 * A's app from Pulp, and a later build no longer finds A's app to reuse.
 */
@ExtendWith(PulpServerExtension.class)
class PulpContentRetentionIT {
  @TempDir Path work;
  private PulpClient pulp;
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void deleteWhatTheTestCreated() {
    PulpTestClients.deleteLabelled(pulp, "stx.run=" + run);
  }

  @Test
  void keepsWhatKeptBuildsReferToRemovesTheRestAndReuseForgetsIt(PulpEndpoint endpoint) {
    pulp = PulpTestClients.connect(endpoint);
    PulpPackageRepository repository = new PulpPackageRepository(pulp, null);
    String line = "ret-" + run;
    String lib = "stx-lib-" + run;
    String app = "stx-app-" + run;
    Path libDeb = new SamplePackages(work.resolve("a")).build(lib, "1.0-1", 512);
    Path appOfA = new SamplePackages(work.resolve("a")).build(app, "1.0-1", 512);
    // B's app: the same name and version, other bytes (its library input changed nothing, its own
    // source did), as a rebuild of a changed package is.
    Path appOfB = new SamplePackages(work.resolve("b")).build(app, "1.0-1", 700);

    RepositoryReuse reuseA = reuse(repository, line);
    try (RepoSession a = repository.openSession(names(line, "a"))) {
      a.addPackages(List.of(libDeb, appOfA));
      reuseA.record(
          List.of(built(lib, "fp-lib-" + run, libDeb), built(app, "fp-a-" + run, appOfA)));
      a.publish();
      a.complete();
    }
    RepositoryReuse reuseB = reuse(repository, line);
    try (RepoSession b = repository.openSession(names(line, "b"))) {
      assertThat(reuseB.tryReuse(lib, "fp-lib-" + run, b)).as("B reuses A's library").isPresent();
      b.addPackages(List.of(appOfB));
      reuseB.record(List.of(built(app, "fp-b-" + run, appOfB)));
      b.publish();
      b.complete();
    }

    String libHref = href(libDeb);
    String appOfAHref = href(appOfA);
    String appOfBHref = href(appOfB);
    RetentionStore store =
        new ExpireSession(
            new PulpRetentionStore(pulp, Duration.ZERO, "stx.run=" + run), line + "-a");
    RetentionReport report =
        new RetentionSweeper(RetentionPolicy.DEFAULT, Clock.systemUTC()).sweep(store, false);

    assertThat(report.removed())
        .isNotEmpty()
        .allSatisfy(item -> assertThat(item.labels()).containsEntry("stx.session", line + "-a"));
    assertThat(report.content().keep()).contains(libHref, appOfBHref).doesNotContain(appOfAHref);
    assertThat(report.content().remove()).containsExactly(appOfAHref);
    assertThat(pulp.deb().findPackage(sha(appOfA))).as("A's app is removed from Pulp").isEmpty();
    assertThat(pulp.deb().findPackage(sha(libDeb))).as("the library B refers to stays").isPresent();
    assertThat(pulp.deb().findPackage(sha(appOfB))).isPresent();

    // A later build of another line (reuse from everything) takes the library, not A's app.
    RepositoryReuse later = reuse(repository, "other-" + run);
    try (RepoSession c = repository.openSession(names("other-" + run, "c"))) {
      assertThat(later.tryReuse(lib, "fp-lib-" + run, c)).isPresent();
      assertThat(later.tryReuse(app, "fp-a-" + run, c))
          .as("removed content is not reused")
          .isEmpty();
      assertThat(later.tryReuse(app, "fp-b-" + run, c)).isPresent();
    }
  }

  private String href(Path deb) {
    return pulp.deb().findPackage(sha(deb)).orElseThrow();
  }

  private static String sha(Path deb) {
    return FileDigests.of(deb).sha256();
  }

  private static RepositoryReuse reuse(PulpPackageRepository repository, String line) {
    return new RepositoryReuse(
        repository.buildRecords(), ReuseSettings.defaults(), Set.of(), line, "retention-it");
  }

  private static RepositoryReuse.Built built(String name, String fingerprint, Path deb) {
    return new RepositoryReuse.Built(
        name, fingerprint, List.of(new BuildRecord.Deb(deb.getFileName().toString(), sha(deb))));
  }

  private SessionNames names(String branch, String build) {
    return new SessionNames(branch, branch + "-" + build, Map.of("stx.run", run));
  }

  /**
   * This run's part of the shared Pulp, with one session's items fifteen days older than they are
   * (an expired build) and no server-wide orphan clean-up (other builds share this Pulp).
   */
  private record ExpireSession(RetentionStore store, String session) implements RetentionStore {
    @Override
    public List<StoredItem> inventory() {
      return store.inventory().stream()
          .filter(item -> item.labels().containsKey("stx.run"))
          .map(
              item ->
                  session.equals(item.labels().get("stx.session"))
                      ? new StoredItem(
                          item.id(),
                          item.kind(),
                          item.created().minus(Duration.ofDays(15)),
                          item.labels())
                      : item)
          .toList();
    }

    @Override
    public void delete(StoredItem item) {
      store.delete(item);
    }

    @Override
    public void cleanUnreferenced() {}

    @Override
    public List<BuildContent> builds(Collection<StoredItem> removed) {
      return store.builds(removed);
    }

    @Override
    public void forget(Set<String> content) {
      store.forget(content);
    }

    @Override
    public void drop(BuildContent build) {
      store.drop(build);
    }

    @Override
    public void removeContent(Set<String> content) {
      store.removeContent(content);
    }
  }
}
