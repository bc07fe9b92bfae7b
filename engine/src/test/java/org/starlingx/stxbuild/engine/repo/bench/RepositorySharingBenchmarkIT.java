package org.starlingx.stxbuild.engine.repo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.repo.AddResult;
import org.starlingx.stxbuild.engine.repo.FileDigests;
import org.starlingx.stxbuild.engine.repo.PackageRepository;
import org.starlingx.stxbuild.engine.repo.RepoSession;
import org.starlingx.stxbuild.engine.repo.SessionNames;
import org.starlingx.stxbuild.engine.repo.local.LocalPackageRepository;
import org.starlingx.stxbuild.engine.repo.pulp.PulpClient;
import org.starlingx.stxbuild.engine.repo.pulp.PulpPackageRepository;
import org.starlingx.stxbuild.engine.repo.pulp.PulpTestClients;
import org.starlingx.stxbuild.engine.repo.testing.SamplePackages;
import org.starlingx.stxbuild.engine.repo.testing.SharedWorkload;
import org.starlingx.stxbuild.testenv.TestenvHome;
import org.starlingx.stxbuild.testenv.pulp.PulpEndpoint;
import org.starlingx.stxbuild.testenv.pulp.PulpServerExtension;

/**
 * Benchmark, printed: 8 parallel build sessions whose outputs share 80% of their files, on the
 * shared Pulp, on one shared local repository, and with one private repository per session (the
 * Aptly-per-user way this project replaces), side by side in one run. Times are printed, never
 * asserted; the assertions are the dedupe claims: the shared Pulp holds each package file once and
 * never receives a byte it already had.
 */
@ExtendWith(PulpServerExtension.class)
class RepositorySharingBenchmarkIT {
  private static final int SESSIONS = 8;
  private static final int FILES_PER_SESSION = 10;
  private static final double SHARED = 0.8;
  private static final int PAYLOAD_BYTES = 96 * 1024;

  @TempDir Path work;

  /**
   * @param stored bytes of package files the repository holds after the run
   * @param storedWithIndexes all bytes the run added to the store, apt indexes included
   */
  private record Figures(
      String mode,
      long produced,
      long unique,
      long stored,
      long storedWithIndexes,
      long transferred,
      double secondsPerSession) {}

  private record Measured(long transferred, double secondsPerSession) {}

  @Test
  void sharedRepositoryStoresEachFileOnce(PulpEndpoint endpoint) throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    SharedWorkload workload =
        SharedWorkload.build(
            new SamplePackages(work),
            "stx-bench-" + run,
            SESSIONS,
            FILES_PER_SESSION,
            SHARED,
            PAYLOAD_BYTES);
    long produced = 0;
    Map<String, Long> uniqueFiles = new HashMap<>();
    for (int s = 0; s < SESSIONS; s++) {
      for (Path file : workload.filesOf(s)) {
        produced += Files.size(file);
        uniqueFiles.put(FileDigests.of(file).sha256(), Files.size(file));
      }
    }
    long unique = uniqueFiles.values().stream().mapToLong(Long::longValue).sum();
    List<Figures> figures = new ArrayList<>();

    PulpClient pulp = PulpTestClients.connect(endpoint);
    Path pulpArtifacts = TestenvHome.path().resolve("pulp/media/artifact");
    try {
      long before = treeSize(pulpArtifacts, file -> true);
      Measured shared = runSessions(workload, run, s -> new PulpPackageRepository(pulp, null));
      long storedPackages = 0;
      for (Map.Entry<String, Long> file : uniqueFiles.entrySet()) {
        storedPackages += pulp.artifacts().count(file.getKey()) * file.getValue();
      }
      long added = treeSize(pulpArtifacts, file -> true) - before;
      figures.add(figure("Pulp, shared", produced, unique, storedPackages, added, shared));
    } finally {
      PulpTestClients.deleteLabelled(pulp, "stx.run=" + run);
    }

    LocalPackageRepository local =
        new LocalPackageRepository(work.resolve("shared-local"), List.of("amd64"), null);
    Measured sharedLocal = runSessions(workload, run, s -> local);
    figures.add(
        figure(
            "local, shared",
            produced,
            unique,
            debBytes(local.root()),
            treeSize(local.root(), file -> true),
            sharedLocal));

    Measured privates =
        runSessions(
            workload,
            run,
            s -> new LocalPackageRepository(work.resolve("private-" + s), List.of("amd64"), null));
    long privateDebs = 0;
    long privateAll = 0;
    for (int s = 0; s < SESSIONS; s++) {
      privateDebs += debBytes(work.resolve("private-" + s));
      privateAll += treeSize(work.resolve("private-" + s), file -> true);
    }
    figures.add(
        figure("private repo per session", produced, unique, privateDebs, privateAll, privates));

    print(figures);
    Figures pulpShared = figures.get(0);
    assertThat(pulpShared.stored()).isEqualTo(unique);
    assertThat(pulpShared.transferred()).isLessThanOrEqualTo(unique);
  }

  private static Figures figure(
      String mode, long produced, long unique, long stored, long all, Measured measured) {
    return new Figures(
        mode, produced, unique, stored, all, measured.transferred(), measured.secondsPerSession());
  }

  private Measured runSessions(
      SharedWorkload workload, String run, IntFunction<PackageRepository> repositoryOf)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(SESSIONS);
    String mode = UUID.randomUUID().toString().substring(0, 4);
    List<Future<long[]>> results = new ArrayList<>();
    for (int s = 0; s < SESSIONS; s++) {
      int session = s;
      results.add(
          pool.submit(
              () -> {
                long start = System.nanoTime();
                String branch = "bench-" + run + "-" + mode + "-u" + session;
                SessionNames names =
                    new SessionNames(branch, branch + "-b1", Map.of("stx.run", run));
                try (RepoSession repoSession = repositoryOf.apply(session).openSession(names)) {
                  AddResult added = repoSession.addPackages(workload.filesOf(session));
                  repoSession.publish();
                  return new long[] {added.bytesTransferred(), System.nanoTime() - start};
                }
              }));
    }
    long transferred = 0;
    long nanos = 0;
    for (Future<long[]> result : results) {
      long[] values = result.get();
      transferred += values[0];
      nanos += values[1];
    }
    pool.shutdown();
    return new Measured(transferred, nanos / 1e9 / SESSIONS);
  }

  private static void print(List<Figures> figures) {
    System.out.printf(
        "%nRepository sharing benchmark: %d parallel sessions x %d files, %.0f%% shared%n",
        SESSIONS, FILES_PER_SESSION, SHARED * 100);
    System.out.printf(
        "%-26s %12s %12s %12s %14s %20s %21s %10s%n",
        "mode",
        "produced KiB",
        "unique KiB",
        "stored KiB",
        "stored/unique",
        "+indexes/unique",
        "transferred/produced",
        "s/session");
    for (Figures f : figures) {
      System.out.printf(
          "%-26s %12d %12d %12d %14.2f %20.2f %21.2f %10.2f%n",
          f.mode(),
          f.produced() / 1024,
          f.unique() / 1024,
          f.stored() / 1024,
          (double) f.stored() / f.unique(),
          (double) f.storedWithIndexes() / f.unique(),
          (double) f.transferred() / f.produced(),
          f.secondsPerSession());
    }
  }

  private static long debBytes(Path root) throws IOException {
    return treeSize(root, file -> file.getFileName().toString().endsWith(".deb"));
  }

  private static long treeSize(Path root, Predicate<Path> counted) throws IOException {
    if (!Files.exists(root)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .filter(counted)
          .mapToLong(RepositorySharingBenchmarkIT::size)
          .sum();
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
