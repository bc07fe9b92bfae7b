package org.starlingx.stxbuild.engine.packagebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.chroot.ChrootBuildOptions;
import org.starlingx.stxbuild.engine.chroot.ChrootCache;
import org.starlingx.stxbuild.engine.demo.DemoJob;
import org.starlingx.stxbuild.engine.repo.FileDigests;
import org.starlingx.stxbuild.engine.repo.SessionNames;
import org.starlingx.stxbuild.engine.repo.pulp.PulpClient;
import org.starlingx.stxbuild.engine.repo.pulp.PulpPackageRepository;
import org.starlingx.stxbuild.engine.repo.pulp.PulpTestClients;
import org.starlingx.stxbuild.engine.reuse.ReuseScope;
import org.starlingx.stxbuild.engine.reuse.ReuseSettings;
import org.starlingx.stxbuild.engine.schedule.AbortSignal;
import org.starlingx.stxbuild.engine.schedule.ScheduleReport;
import org.starlingx.stxbuild.engine.schedule.TaskResult;
import org.starlingx.stxbuild.engine.source.StxSourceTree;
import org.starlingx.stxbuild.engine.workers.ChrootPackageWorker;
import org.starlingx.stxbuild.testenv.pulp.PulpEndpoint;
import org.starlingx.stxbuild.testenv.pulp.PulpServerExtension;

/**
 * Reuse through the shared repository (real Pulp, the sample tree built by local workers): history
 * lives in Pulp, so a build in a fresh work directory (a fresh pod) rebuilds nothing, another
 * user's first build of the same branch rebuilds nothing and sends no byte, a never_reuse package
 * is rebuilt for another line, and a changed library rebuilds exactly itself and its reverse
 * dependencies, and two concurrent builds of the same new inputs build each package once. Prints,
 * per build: packages built, bytes uploaded, wall time; and Pulp's stored / unique bytes. {@code
 * -Dstx.bench.reuse=true} runs the same sequence with per-line-only reuse beside it.
 */
@ExtendWith(PulpServerExtension.class)
class RepositoryReuseIT {
  private static final BuildSettings BOTH_TYPES =
      new BuildSettings(DemoJob.DIST, List.of("std", "rt"), "amd64", 2, 0, false);
  private static final List<String> LIBRARY_AND_REVERSE_DEPS =
      List.of("libstxsample", "stx-hello", "stx-sample-kmod-rt", "stx-sample-platform");

  @TempDir Path work;

  private record Figures(String build, int built, long uploaded, double seconds) {}

  private final Map<String, Long> producedSizes = new java.util.concurrent.ConcurrentHashMap<>();

  @Test
  void buildsShareResultsThroughPulp(PulpEndpoint endpoint) throws Exception {
    List<Figures> everything = sequence(endpoint, ReuseScope.EVERYTHING, true);
    List<Figures> lineOnly =
        Boolean.getBoolean("stx.bench.reuse")
            ? sequence(endpoint, ReuseScope.LINE, false)
            : List.of();
    print(everything, lineOnly, storedOverUnique(endpoint));
  }

  private List<Figures> sequence(PulpEndpoint endpoint, ReuseScope scope, boolean check)
      throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 6);
    Path tree = SampleTree.copyTo(work.resolve("tree-" + run));
    // Inputs of this run only: earlier runs' records in the shared Pulp would be reused otherwise.
    try (java.util.stream.Stream<Path> files = Files.walk(tree)) {
      for (Path meta :
          files.filter(f -> f.getFileName().toString().equals("meta_data.yaml")).toList()) {
        Files.writeString(meta.resolveSibling("it-run"), run + "\n");
      }
    }
    List<Figures> figures = new ArrayList<>();
    PulpClient cleanup = PulpTestClients.connect(endpoint);
    try {
      Measured a1 = build(endpoint, tree, run, "usera", "pod-a1", scope);
      figures.add(a1.figures("A, first build"));
      if (check) {
        assertThat(a1.built()).as(a1.report().toString()).hasSize(10);
      }

      Measured a2 = build(endpoint, tree, run, "usera", "pod-a2", scope);
      figures.add(a2.figures("A, fresh pod"));
      assertThat(a2.built()).as("a fresh pod of A rebuilds nothing").isEmpty();
      assertThat(a2.uploaded()).isZero();

      Measured b1 = build(endpoint, tree, run, "userb", "pod-b1", scope);
      figures.add(b1.figures("B, first build"));
      if (check) {
        assertThat(b1.built()).as("B's first build rebuilds nothing").isEmpty();
        assertThat(b1.uploaded()).as("B's first build sends no byte").isZero();
      }

      if (check) {
        // A package StarlingX never reuses from another line is built again for C.
        Path list =
            tree.resolve("stx-tools/debian-mirror-tools/config/debian/" + DemoJob.DIST + "/common");
        Files.createDirectories(list);
        Files.writeString(list.resolve("never_reuse.lst"), "# signed per build\nstx-hello\n");
        Measured c1 = build(endpoint, tree, run, "userc", "pod-c1", scope);
        figures.add(c1.figures("C, stx-hello never_reuse"));
        assertThat(c1.built()).containsExactly("stx-hello");
        Files.delete(list.resolve("never_reuse.lst"));
      }

      Path source = tree.resolve("integ/base/libstxsample/src/stxsample.c");
      Files.writeString(source, Files.readString(source).replace("return 21;", "return 22;"));
      Measured a3 = build(endpoint, tree, run, "usera", "pod-a3", scope);
      figures.add(a3.figures("A, library changed"));
      assertThat(a3.built()).containsExactlyInAnyOrderElementsOf(LIBRARY_AND_REVERSE_DEPS);

      Measured b2 = build(endpoint, tree, run, "userb", "pod-b2", ReuseScope.LINE);
      figures.add(b2.figures("B, changed, own line only"));
      assertThat(b2.built()).containsExactlyInAnyOrderElementsOf(LIBRARY_AND_REVERSE_DEPS);

      if (scope == ReuseScope.EVERYTHING) {
        Measured c2 = build(endpoint, tree, run, "userc", "pod-c2", scope);
        figures.add(c2.figures("C, changed, shared"));
        assertThat(c2.built()).as("C takes A's and B's rebuilt packages").isEmpty();
      }
      if (scope == ReuseScope.EVERYTHING) {
        // Two concurrent builds of the same new inputs build each package once: one claims each
        // package, the other waits for its record and takes it by reference. CI changes one leaf
        // package (about a minute more); -Dstx.it.concurrentReuse=true changes the library, so
        // four packages in two build levels are waited for.
        List<String> changed;
        if (Boolean.getBoolean("stx.it.concurrentReuse")) {
          Files.writeString(source, Files.readString(source).replace("return 22;", "return 23;"));
          changed = LIBRARY_AND_REVERSE_DEPS;
        } else {
          Files.writeString(
              tree.resolve("utilities/docs/stx-sample-docs/debian/it-run"), run + "-concurrent\n");
          changed = List.of("stx-sample-docs");
        }
        java.util.concurrent.ExecutorService pool =
            java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
          java.util.concurrent.Future<Measured> d =
              pool.submit(() -> build(endpoint, tree, run, "userd", "pod-d1", scope));
          java.util.concurrent.Future<Measured> e =
              pool.submit(() -> build(endpoint, tree, run, "usere", "pod-e1", scope));
          Measured d1 = d.get();
          Measured e1 = e.get();
          figures.add(d1.figures("D, concurrent with E"));
          figures.add(e1.figures("E, concurrent with D"));
          List<String> builtByBoth = new ArrayList<>(d1.built());
          builtByBoth.addAll(e1.built());
          assertThat(builtByBoth)
              .as("each package built once by D or E")
              .containsExactlyInAnyOrderElementsOf(changed);
        } finally {
          pool.shutdownNow();
        }
      }
      return figures;
    } finally {
      PulpTestClients.deleteLabelled(cleanup, "stx.run=" + run);
    }
  }

  private record Measured(
      ScheduleReport report, List<String> built, long uploaded, double seconds) {
    Figures figures(String name) {
      return new Figures(name, built.size(), uploaded, seconds);
    }
  }

  /** One build as a fresh pod runs it: a new Pulp client, an empty work directory. */
  private Measured build(
      PulpEndpoint endpoint, Path tree, String run, String user, String pod, ReuseScope scope)
      throws Exception {
    PulpClient pulp = PulpTestClients.connect(endpoint);
    Path podWork = work.resolve(run + "-" + pod);
    String line = "reuse-" + run + "-" + user + "-master";
    long start = System.nanoTime();
    PackageBuild.Outcome outcome =
        new PackageBuild(
                StxSourceTree.open(tree),
                new PulpPackageRepository(pulp, null),
                SampleTree.mirror(podWork.resolve("mirror")),
                new ChrootPackageWorker(
                    podWork.resolve("builds"),
                    new ChrootCache(ChrootCache.defaultRoot(), java.time.Duration.ofDays(7)),
                    ChrootBuildOptions.of(DemoJob.DIST)),
                podWork.resolve("work"),
                BuildProgress.SILENT)
            .reuse(new ReuseSettings(scope, false))
            .run(
                new SessionNames(
                    line,
                    line + "-" + pod,
                    Map.of("stx.run", run, "stx.user", user, "stx.project", "sample")),
                BOTH_TYPES,
                new AbortSignal());
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(outcome.succeeded()).as(outcome.report().toString()).isTrue();
    for (Path deb : outcome.debs().values()) {
      producedSizes.put(FileDigests.of(deb).sha256(), Files.size(deb));
    }
    List<String> built =
        outcome.report().results().stream()
            .filter(r -> r.state() == TaskResult.State.BUILT)
            .map(TaskResult::id)
            .toList();
    return new Measured(outcome.report(), built, pulp.artifacts().uploadedBytes(), seconds);
  }

  private double storedOverUnique(PulpEndpoint endpoint) {
    PulpClient pulp = PulpTestClients.connect(endpoint);
    long unique = 0;
    long stored = 0;
    for (Map.Entry<String, Long> file : producedSizes.entrySet()) {
      unique += file.getValue();
      stored += pulp.artifacts().count(file.getKey()) * file.getValue();
    }
    assertThat(stored).as("each produced file is stored once").isEqualTo(unique);
    return (double) stored / unique;
  }

  private static void print(List<Figures> shared, List<Figures> lineOnly, double storedOverUnique) {
    System.out.printf("%nReuse through the shared repository (sample tree, 10 packages)%n");
    System.out.printf("%-28s | %-28s | %-28s%n", "", "reuse: everything", "reuse: own line only");
    System.out.printf(
        "%-28s | %6s %10s %9s | %6s %10s %9s%n",
        "build", "built", "uploaded B", "wall s", "built", "uploaded B", "wall s");
    Map<String, Figures> lineByName = new HashMap<>();
    lineOnly.forEach(f -> lineByName.put(f.build(), f));
    for (Figures s : shared) {
      Figures l = lineByName.get(s.build());
      System.out.printf(
          "%-28s | %6d %10d %9.1f | %s%n",
          s.build(),
          s.built(),
          s.uploaded(),
          s.seconds(),
          l == null ? "-" : String.format("%6d %10d %9.1f", l.built(), l.uploaded(), l.seconds()));
    }
    System.out.printf("stored / unique bytes in Pulp: %.2f%n", storedOverUnique);
  }
}
