package org.starlingx.stxbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.repo.pulp.PulpClient;
import org.starlingx.stxbuild.engine.repo.pulp.PulpConnection;

/**
 * Faults against the real CLI and the testenv Pulp: SIGTERM to the packaged {@code stx-build} in
 * the middle of a build leaves no process of it and no session in Pulp, and prints the summary; a
 * second build on the same work directory is refused at once naming the first; the caller's Pulp
 * password never reaches {@code debian/rules}; a 60 s Pulp outage in the middle of a build (a proxy
 * this test cuts; the shared Pulp keeps running for everyone else) is ridden out.
 */
class BuildFaultsIT {
  private static final Path JAR = Path.of("target", "stx-build.jar").toAbsolutePath();

  @TempDir Path dir;

  private Path tree(String slowBuild, boolean withEnvDump) throws IOException {
    Path repo = Files.createDirectories(dir.resolve("tree/repo"));
    Files.writeString(
        repo.resolve("debian_pkg_dirs"),
        "stx-slow\nstx-after\n" + (withEnvDump ? "stx-envdump\n" : ""));
    NativeTestPackage.write(repo, "stx-slow", slowBuild, "");
    NativeTestPackage.write(repo, "stx-after", "true", ", stx-slow");
    // Unique per run: the shared Pulp holds good builds of earlier runs, and an identical package
    // would be reused from them instead of built (and would then write no log to read).
    NativeTestPackage.write(
        repo, "stx-envdump", "echo run " + System.nanoTime() + "; env | sed 's/^/ENV: /'", "");
    return dir.resolve("tree");
  }

  private static PulpConnection pulp() throws IOException {
    return TestenvPulp.client().connection();
  }

  private List<String> build(Path tree, Path work, String user, String pulpUrl) throws IOException {
    PulpConnection pulp = pulp();
    return new ArrayList<>(
        List.of(
            "build",
            "--tree",
            tree.toString(),
            "--work",
            work.toString(),
            "--mirror",
            dir.resolve("mirror").toString(),
            "--user",
            user,
            "--workers",
            "2",
            "--pulp-url",
            pulpUrl == null ? pulp.apiUrl().toString() : pulpUrl,
            "--pulp-content-url",
            pulp.contentUrl().toString(),
            "--pulp-user",
            pulp.username()));
  }

  private Process start(List<String> args, Path output, String password) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(args);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder.environment().put("STX_PULP_PASSWORD", password);
    return builder.start();
  }

  private Optional<Path> logOf(Path work, String name) throws IOException {
    if (!Files.isDirectory(work.resolve("logs"))) {
      return Optional.empty();
    }
    try (Stream<Path> walk = Files.walk(work.resolve("logs"))) {
      return walk.filter(p -> p.getFileName().toString().equals(name + ".log")).findFirst();
    }
  }

  @Test
  void sigtermStopsEveryProcessGroupAbortsTheSessionAndPrintsTheSummary() throws Exception {
    String marker = "stx-i19-sigterm-" + System.nanoTime();
    String user = "i19-sigterm-" + System.nanoTime();
    Path tree = tree("sh -c 'trap \"\" TERM; (sleep 900; echo " + marker + ") & sleep 900'", true);
    Path work = dir.resolve("work");
    String password = pulp().password();
    Path output = dir.resolve("first.out");
    Process first = start(build(tree, work, user, null), output, password);
    try {
      Awaitility.await()
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () ->
                  processesWith(marker) > 0
                      && logOf(work, "stx-envdump")
                          .map(l -> read(l).contains("ENV: PATH="))
                          .orElse(false));
      long ownGroup = groupOf(ProcessHandle.current().pid()).orElseThrow();
      Set<Long> groups = new HashSet<>();
      first.descendants().forEach(p -> groupOf(p.pid()).ifPresent(groups::add));
      groups.remove(ownGroup);
      assertThat(groups).as("the build's commands run in their own process groups").isNotEmpty();

      // A second build on the same work directory is refused at once, naming the first.
      Path secondOut = dir.resolve("second.out");
      long t0 = System.nanoTime();
      Process second = start(build(tree, work, user + "-2", null), secondOut, password);
      assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
      System.out.printf(
          "second build on the same work directory refused after %.1f s%n",
          (System.nanoTime() - t0) / 1e9);
      assertThat(second.exitValue()).isEqualTo(1);
      assertThat(read(secondOut))
          .contains("work directory " + work + " is in use by another build")
          .contains("pid " + first.pid() + " on ");

      first.destroy(); // SIGTERM
      assertThat(first.waitFor(150, TimeUnit.SECONDS)).as("the CLI ends after SIGTERM").isTrue();
      String out = read(output);
      assertThat(out)
          .contains("build aborted (stopped by a signal (SIGTERM or SIGINT))")
          .contains("reused", "failed", "skipped", "report:");
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> ProcessHandle.allProcesses().noneMatch(p -> inGroups(p, groups)));
      assertThat(processesWith(marker)).isZero();
      PulpClient client = TestenvPulp.client();
      assertThat(
              client.deb().repositories().labelled("stx.role=session,stx.user=" + user).isEmpty())
          .as("no session of the build is left in Pulp")
          .isTrue();
      String envLog = read(logOf(work, "stx-envdump").orElseThrow());
      assertThat(envLog).contains("ENV: PATH=/usr/local/sbin:").doesNotContain(password);
      assertThat(envLog).doesNotContain("STX_PULP_PASSWORD");
    } finally {
      first.destroyForcibly();
    }
  }

  @Test
  void aSixtySecondPulpOutageInTheMiddleOfABuildIsRiddenOut() throws Exception {
    String marker = "stx-i19-outage-" + System.nanoTime();
    // Nothing talks to Pulp when it goes away (one package sleeps), so every request of the
    // outage is refused as in a restart, and must be retried until Pulp is back.
    Path tree = tree("sh -c 'sleep 20; echo " + marker + "'", false);
    PulpConnection pulp = pulp();
    try (TcpProxy proxy =
        new TcpProxy(new InetSocketAddress(pulp.apiUrl().getHost(), pulp.apiUrl().getPort()))) {
      Path passwordFile = dir.resolve("password");
      Files.writeString(passwordFile, pulp.password());
      String user = "i19-outage-" + System.nanoTime();
      List<String> args =
          build(tree, dir.resolve("work"), user, "http://127.0.0.1:" + proxy.port());
      args.addAll(List.of("--pulp-password-file", passwordFile.toString()));
      CompletableFuture<CliRun> run =
          CompletableFuture.supplyAsync(() -> CliRun.of(args.toArray(String[]::new)));
      Awaitility.await()
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> run.isDone() || processesWith(marker) > 0);
      assertThat(run.isDone()).as("the build is still running when Pulp goes away").isFalse();
      proxy.cut();
      long cut = System.nanoTime();
      Thread.sleep(60_000);
      proxy.restore();
      System.err.printf("Pulp unreachable for %.1f s%n", (System.nanoTime() - cut) / 1e9);
      CliRun done = run.get(10, TimeUnit.MINUTES);
      assertThat(done.exit()).as(done.out() + done.err()).isZero();
      assertThat(done.out()).contains("2 built, 0 reused, 0 failed, 0 skipped");
      deleteLabelled("stx.user=" + user);
    }
  }

  /** Removes what a test build kept in the shared Pulp (its completed session and branch). */
  private static void deleteLabelled(String selector) throws IOException {
    PulpClient client = TestenvPulp.client();
    for (var type : List.of(client.deb().repositories(), client.files().repositories())) {
      type.distributionsLabelled(selector).forEach(d -> client.delete(d.href()));
      type.labelled(selector).forEach(r -> client.delete(r.href()));
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static long processesWith(String marker) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
        .count();
  }

  private static boolean inGroups(ProcessHandle process, Set<Long> groups) {
    return process.isAlive() && groupOf(process.pid()).map(groups::contains).orElse(false);
  }

  /** The process group of a process, from /proc (field 5 of its stat line). */
  private static Optional<Long> groupOf(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Optional.of(Long.parseLong(fields[2]));
    } catch (IOException | RuntimeException gone) {
      return Optional.empty();
    }
  }
}
