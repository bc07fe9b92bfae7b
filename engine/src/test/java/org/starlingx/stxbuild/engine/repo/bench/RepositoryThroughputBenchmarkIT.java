package org.starlingx.stxbuild.engine.repo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.repo.AddResult;
import org.starlingx.stxbuild.engine.repo.AptSource;
import org.starlingx.stxbuild.engine.repo.FileDigests;
import org.starlingx.stxbuild.engine.repo.RepoSession;
import org.starlingx.stxbuild.engine.repo.SessionNames;
import org.starlingx.stxbuild.engine.repo.local.LocalPackageRepository;
import org.starlingx.stxbuild.engine.repo.pulp.PulpClient;
import org.starlingx.stxbuild.engine.repo.pulp.PulpPackageRepository;
import org.starlingx.stxbuild.engine.repo.pulp.PulpTestClients;
import org.starlingx.stxbuild.engine.repo.testing.SamplePackages;
import org.starlingx.stxbuild.testenv.pulp.PulpEndpoint;
import org.starlingx.stxbuild.testenv.pulp.PulpServerExtension;

/**
 * Benchmark, printed: one build session takes {@code N} generated {@code .deb} files and is
 * published, on Pulp, on the local repository and with aptly (StarlingX's repository today) on the
 * same files, side by side in seconds per {@code .deb}. CI runs it small ({@value #CI_PACKAGES}
 * packages) as a correctness test of the batch path; {@code -Dstx.bench.debs=2000} is the
 * StarlingX-scale run. Times are printed, never asserted; the assertions are the guarantees: every
 * package is in the published session, a second session with the same files sends no byte, and Pulp
 * holds each file once.
 */
@ExtendWith(PulpServerExtension.class)
class RepositoryThroughputBenchmarkIT {
  private static final int CI_PACKAGES = 40;
  private static final int PAYLOAD_BYTES = 2048;

  @TempDir Path work;

  private record Timing(String mode, int packages, double addSeconds, double publishSeconds) {
    double perDeb() {
      return (addSeconds + publishSeconds) / packages;
    }
  }

  @Test
  void oneSessionTakesManyPackages(PulpEndpoint endpoint) throws Exception {
    int count = Integer.getInteger("stx.bench.debs", CI_PACKAGES);
    String run = UUID.randomUUID().toString().substring(0, 8);
    SamplePackages samples = new SamplePackages(work);
    long generating = System.nanoTime();
    List<Path> debs =
        IntStream.range(0, count)
            .parallel()
            .mapToObj(i -> samples.build("stx-tp-" + run + "-" + i, "1.0-1", PAYLOAD_BYTES))
            .toList();
    System.out.printf(
        "%ngenerated %d .debs with dpkg-deb in %.1f s%n",
        count, (System.nanoTime() - generating) / 1e9);
    List<Timing> timings = new ArrayList<>();

    PulpClient pulp = PulpTestClients.connect(endpoint);
    PulpPackageRepository pulpRepository = new PulpPackageRepository(pulp, null);
    try {
      SessionNames first = names(run, "a");
      try (RepoSession session = pulpRepository.openSession(first)) {
        long start = System.nanoTime();
        AddResult added = session.addPackages(debs);
        long addedAt = System.nanoTime();
        AptSource source = session.publish();
        timings.add(timing("Pulp", count, start, addedAt, System.nanoTime()));
        assertThat(added.files()).isEqualTo(count);
        assertThat(added.storedNew()).isEqualTo(count);
        assertThat(session.packages()).hasSize(count);
        String index =
            new String(
                Files.readAllBytes(
                    pulp.download(
                        java.net.URI.create(
                            source.url().toString().replaceFirst("/?$", "/")
                                + "dists/default/all/binary-amd64/Packages"),
                        work.resolve("Packages"))));
        assertThat(index.split("\n\n")).hasSize(count);
        session.abort();
      }
      // Another build with the same files: nothing is sent, nothing stored twice.
      try (RepoSession again = pulpRepository.openSession(names(run, "b"))) {
        long start = System.nanoTime();
        AddResult added = again.addPackages(debs);
        long addedAt = System.nanoTime();
        again.publish();
        timings.add(timing("Pulp, files already held", count, start, addedAt, System.nanoTime()));
        assertThat(added.bytesTransferred()).isZero();
        assertThat(added.storedNew()).isZero();
        assertThat(again.packages()).hasSize(count);
        again.abort();
      }
      for (Path deb : List.of(debs.get(0), debs.get(count - 1))) {
        assertThat(pulp.artifacts().count(FileDigests.of(deb).sha256())).isEqualTo(1);
        assertThat(pulp.deb().findPackage(FileDigests.of(deb).sha256())).isPresent();
      }
    } finally {
      PulpTestClients.deleteLabelled(pulp, "stx.run=" + run);
    }

    LocalPackageRepository local =
        new LocalPackageRepository(work.resolve("local"), List.of("amd64"), null);
    try (RepoSession session = local.openSession(names(run, "local"))) {
      long start = System.nanoTime();
      session.addPackages(debs);
      long addedAt = System.nanoTime();
      session.publish();
      timings.add(timing("local repository", count, start, addedAt, System.nanoTime()));
      assertThat(session.packages()).hasSize(count);
    }

    aptly(debs, count).ifPresent(timings::add);
    print(count, timings);
  }

  /** aptly as StarlingX runs it: a local repo, the files added, published unsigned. */
  private java.util.Optional<Timing> aptly(List<Path> debs, int count) throws Exception {
    if (!onPath("aptly")) {
      System.out.println("aptly is not installed (testenv/require-tools.sh --tests installs it)");
      return java.util.Optional.empty();
    }
    Path root = work.resolve("aptly");
    Path config = work.resolve("aptly.conf");
    Files.writeString(config, "{\"rootDir\": \"" + root + "\", \"architectures\": [\"amd64\"]}");
    Path incoming = work.resolve("aptly-incoming");
    Files.createDirectories(incoming);
    for (Path deb : debs) {
      Files.createLink(incoming.resolve(deb.getFileName()), deb);
    }
    aptlyRun(config, "repo", "create", "bench");
    long start = System.nanoTime();
    aptlyRun(config, "repo", "add", "bench", incoming.toString());
    long addedAt = System.nanoTime();
    aptlyRun(
        config,
        "publish",
        "repo",
        "-skip-signing",
        "-distribution=bench",
        "-architectures=amd64",
        "bench");
    long end = System.nanoTime();
    try (var files = Files.walk(root.resolve("public/pool"))) {
      assertThat(files.filter(f -> f.toString().endsWith(".deb")).count()).isEqualTo(count);
    }
    return java.util.Optional.of(timing("aptly", count, start, addedAt, end));
  }

  private static void aptlyRun(Path config, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("aptly", "-config=" + config));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).as("aptly %s: %s", String.join(" ", args), out).isZero();
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  private static SessionNames names(String run, String which) {
    String branch = "tp-" + run + "-" + which;
    return new SessionNames(branch, branch + "-b1", Map.of("stx.run", run));
  }

  private static Timing timing(String mode, int count, long start, long added, long published) {
    return new Timing(mode, count, (added - start) / 1e9, (published - added) / 1e9);
  }

  private static void print(int count, List<Timing> timings) throws IOException {
    System.out.printf(
        "%nRepository throughput benchmark: %d .debs added to one session and published%n", count);
    System.out.printf(
        "%-26s %10s %10s %10s %12s%n", "mode", "add s", "publish s", "total s", "s per .deb");
    for (Timing t : timings) {
      System.out.printf(
          "%-26s %10.2f %10.2f %10.2f %12.4f%n",
          t.mode(),
          t.addSeconds(),
          t.publishSeconds(),
          t.addSeconds() + t.publishSeconds(),
          t.perDeb());
    }
  }
}
