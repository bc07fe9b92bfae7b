package org.starlingx.stxbuild.engine.workers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.starlingx.stxbuild.engine.exec.BuildEnvironment;
import org.starlingx.stxbuild.engine.exec.LogTail;
import org.starlingx.stxbuild.engine.exec.LoggedProcess;
import org.starlingx.stxbuild.engine.files.FileTrees;
import org.starlingx.stxbuild.engine.schedule.AbortSignal;
import org.starlingx.stxbuild.engine.schedule.TaskOutcome;

/**
 * Builds a package as a local process in its own directory: unpacks the source package, unpacks its
 * in-tree build-deps into a private root exported as {@code STX_DEPS_ROOT} (nothing is installed on
 * the machine), and runs {@code dpkg-buildpackage -b} with the output in a log file.
 */
public final class LocalProcessWorker implements PackageWorker {
  private final Path workRoot;
  private final WorkerLimits limits;

  public LocalProcessWorker(Path workRoot) {
    this(workRoot, WorkerLimits.DEFAULT);
  }

  public LocalProcessWorker(Path workRoot, WorkerLimits limits) {
    // Absolute from the start: the path goes to processes running in other directories.
    this.workRoot = workRoot.toAbsolutePath().normalize();
    this.limits = limits;
  }

  @Override
  public Result build(PackageBuildRequest request, String worker, AbortSignal abort) {
    Path dir = workRoot.resolve(request.name());
    long deadline = System.nanoTime() + limits.packageTimeout().toNanos();
    try {
      FileTrees.delete(dir);
      Files.createDirectories(dir);
      Files.createDirectories(request.log().getParent());
      Files.deleteIfExists(request.log());
      Path deps = dir.resolve("deps");
      Files.createDirectories(deps);
      Path home = Files.createDirectories(dir.resolve("home"));
      // Exactly this environment: the caller's (secrets, PATH) never reaches debian/rules.
      Map<String, String> env =
          BuildEnvironment.of(
              home.toString(),
              Map.of(
                  "STX_DEPS_ROOT", deps.toString(),
                  "DEB_BUILD_OPTIONS", "nocheck",
                  "SOURCE_DATE_EPOCH", "946684800"));
      if (step(
              dir,
              List.of("dpkg-source", "-x", request.dsc().toString(), "src"),
              env,
              request,
              abort,
              deadline)
          != 0) {
        return failed(request, "dpkg-source -x failed");
      }
      // Unpacked by tar (as root: device nodes and setuid bits kept); never left reachable.
      org.starlingx.stxbuild.engine.files.SafeArchiveExtractor.sanitize(dir.resolve("src"));
      for (Path deb : request.buildDepDebs()) {
        if (step(
                dir,
                List.of("dpkg-deb", "-x", deb.toString(), deps.toString()),
                env,
                request,
                abort,
                deadline)
            != 0) {
          return failed(request, "could not unpack build-dep " + deb.getFileName());
        }
      }
      // -d: build-deps come from STX_DEPS_ROOT, not from packages installed on this machine.
      int exit =
          step(
              dir.resolve("src"),
              List.of("dpkg-buildpackage", "-b", "-us", "-uc", "-d"),
              env,
              request,
              abort,
              deadline);
      if (abort.aborted()) {
        return new Result(new TaskOutcome.Failed("aborted"), List.of());
      }
      if (exit == TIMED_OUT) {
        return failed(
            request,
            "timed out after "
                + limits.packageTimeout()
                + " (--timeout); every process of its build was stopped");
      }
      if (exit != 0) {
        return failed(request, "dpkg-buildpackage exited " + exit);
      }
      try (Stream<Path> files = Files.list(dir)) {
        List<Path> debs =
            files.filter(f -> f.getFileName().toString().endsWith(".deb")).sorted().toList();
        if (debs.isEmpty()) {
          return failed(request, "dpkg-buildpackage produced no .deb");
        }
        return new Result(
            new TaskOutcome.Built(debs.stream().map(d -> d.getFileName().toString()).toList()),
            debs);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "local worker cannot build " + request.name() + " in " + dir, e);
    }
  }

  /** What {@link #step} returns when the package's time ran out. */
  private static final int TIMED_OUT = Integer.MIN_VALUE;

  private int step(
      Path dir,
      List<String> argv,
      Map<String, String> env,
      PackageBuildRequest request,
      AbortSignal abort,
      long deadline)
      throws IOException {
    Files.writeString(
        request.log(),
        "$ " + String.join(" ", argv) + "\n",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    LoggedProcess.Ended ended =
        LoggedProcess.run(
            dir, argv, env, request.log(), abort::aborted, deadline, limits.maxLogBytes());
    if (ended.timedOut()) {
      return TIMED_OUT;
    }
    return ended.aborted() ? -1 : ended.exit();
  }

  private static Result failed(PackageBuildRequest request, String reason) throws IOException {
    // From the end of the file: a log of hundreds of MB is never read whole.
    String tail = String.join(" | ", LogTail.lastLines(request.log(), 3));
    return new Result(
        new TaskOutcome.Failed(reason + " (log " + request.log() + ": " + tail + ")"), List.of());
  }
}
