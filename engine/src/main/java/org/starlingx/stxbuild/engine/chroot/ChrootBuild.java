package org.starlingx.stxbuild.engine.chroot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.starlingx.stxbuild.engine.exec.LoggedProcess;
import org.starlingx.stxbuild.engine.files.FileTrees;

/**
 * Builds one source package in its own overlay of a cached chroot ({@link ChrootBuildScript}). The
 * build directory keeps the source package, the in-tree build-deps and the results; the overlay's
 * writable layer is removed afterwards.
 */
public final class ChrootBuild {
  /** The exit code, the {@code .deb} files produced, and whether its time ran out. */
  public record Result(int exit, List<Path> debs, boolean timedOut) {}

  private ChrootBuild() {}

  /**
   * @param chroot the prepared chroot
   * @param dsc the source package (its files beside it)
   * @param sourceFiles the files the {@code .dsc} lists
   * @param buildDeps in-tree build-deps ({@code .deb} files) to install from a local apt source
   * @param dir the build's private directory (emptied first)
   * @param log where the output goes (appended)
   */
  public static Result run(
      ChrootCache.Prepared chroot,
      Path dsc,
      List<String> sourceFiles,
      List<Path> buildDeps,
      ChrootBuildOptions options,
      boolean serial,
      Path dir,
      Path log,
      BooleanSupplier aborted,
      long deadlineNanos,
      long maxLogBytes) {
    return run(
        chroot,
        dsc,
        sourceFiles,
        buildDeps,
        options,
        serial,
        dir,
        log,
        aborted,
        deadlineNanos,
        maxLogBytes,
        Optional.empty());
  }

  /** As above, apt fetching the Debian mirror through {@code aptProxy} when given. */
  public static Result run(
      ChrootCache.Prepared chroot,
      Path dsc,
      List<String> sourceFiles,
      List<Path> buildDeps,
      ChrootBuildOptions options,
      boolean serial,
      Path dir,
      Path log,
      BooleanSupplier aborted,
      long deadlineNanos,
      long maxLogBytes,
      Optional<AptProxy> aptProxy) {
    java.time.Instant begin = java.time.Instant.now();
    try {
      clean(dir);
      Path build = Files.createDirectories(dir.resolve("build"));
      Files.copy(dsc, build.resolve(dsc.getFileName()));
      for (String file : sourceFiles) {
        Files.copy(dsc.resolveSibling(file), build.resolve(file));
      }
      if (!buildDeps.isEmpty()) {
        Path deps = Files.createDirectories(build.resolve("deps"));
        for (Path deb : buildDeps) {
          Files.copy(deb, deps.resolve(deb.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      Path script = dir.resolve("build.sh");
      Files.writeString(
          script,
          ChrootBuildScript.render(
              chroot.root().toString(),
              dir.toString(),
              dsc.getFileName().toString(),
              !buildDeps.isEmpty(),
              chroot.debCache().toString(),
              CleanEnvironment.build(options.runTests(), options.jobs(serial)),
              aptProxy),
          StandardCharsets.UTF_8);
      Files.writeString(
          log,
          "chroot "
              + chroot.spec().name()
              + " ("
              + chroot.spec().mirror()
              + "), DEB_BUILD_OPTIONS="
              + CleanEnvironment.debBuildOptions(options.runTests(), options.jobs(serial))
              + aptProxy.map(p -> ", apt proxy " + p.url()).orElse("")
              + "\n"
              + BuildPhases.line(BuildPhases.BEGIN, begin)
              + "\n"
              + BuildPhases.line(BuildPhases.COPY_IN, java.time.Instant.now())
              + "\n",
          StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      // In its own process group, its log capped: a timeout or an abort stops every process of
      // the build, and a flood of output cannot fill the disk.
      LoggedProcess.Ended ended =
          LoggedProcess.run(
              dir,
              ChrootBuildScript.launcher(script.toString()),
              CleanEnvironment.host(dir.toString()),
              log,
              aborted,
              deadlineNanos,
              maxLogBytes);
      List<Path> debs;
      try (Stream<Path> files = Files.list(build)) {
        debs = files.filter(f -> f.getFileName().toString().endsWith(".deb")).sorted().toList();
      }
      removeOverlay(dir);
      Files.writeString(
          log,
          BuildPhases.line(BuildPhases.COLLECT, java.time.Instant.now()) + "\n",
          StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      return new Result(ended.aborted() ? -1 : ended.exit(), debs, ended.timedOut());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build " + dsc.getFileName() + " in " + dir, e);
    }
  }

  private static void clean(Path dir) throws IOException {
    removeOverlay(dir);
    FileTrees.delete(dir);
    Files.createDirectories(dir);
  }

  /** The overlay's layers belong to the chroot's owner; outside a namespace root removes them. */
  private static void removeOverlay(Path dir) {
    for (String part : List.of("root", "upper", "ovl")) {
      Path path = dir.resolve(part);
      if (Files.exists(path)) {
        if (Namespaces.root()) {
          FileTrees.delete(path);
        } else {
          List<String> argv = new java.util.ArrayList<>(Namespaces.asChrootOwner());
          argv.addAll(List.of("rm", "-rf", path.toString()));
          HostCommand.run(argv, dir, dir.resolve("cleanup.log"), true);
        }
      }
    }
  }
}
