package org.starlingx.stxbuild.cli;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.starlingx.stxbuild.engine.chroot.ChrootBuildOptions;
import org.starlingx.stxbuild.engine.chroot.ChrootCache;
import org.starlingx.stxbuild.engine.chroot.ChrootSpec;
import org.starlingx.stxbuild.engine.chroot.TreeSeed;
import org.starlingx.stxbuild.engine.graph.DebControl;
import picocli.CommandLine.Option;

/** How packages build in isolation: the chroot's mirror and seed, tests, make jobs, the cache. */
final class ChrootOptions {
  @Option(
      names = "--debian-mirror",
      defaultValue = "http://deb.debian.org/debian",
      description =
          "Debian mirror the build chroots and their build-deps come from, e.g. a StarlingX"
              + " snapshot or an internal mirror (default: ${DEFAULT-VALUE}).")
  URI debianMirror;

  @Option(
      names = "--seed-packages",
      split = ",",
      description =
          "Packages pre-installed in the chroot (default: StarlingX's pkgbuilder set:"
              + " debhelper, dh-python, cmake, ...).")
  List<String> seedPackages;

  @Option(
      names = "--seed-common-build-deps",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Also pre-install in the chroot every Debian build-dep that at least N packages of the"
              + " build need (the tree's common build-deps, as StarlingX's users pre-seed their"
              + " chroots); part of the chroot's cache key and of every result's build"
              + " environment. 0: off (default).")
  int seedCommonBuildDeps;

  @Option(
      names = "--test",
      description = "Run the packages' tests (default: DEB_BUILD_OPTIONS=nocheck, as StarlingX).")
  boolean test;

  @Option(
      names = "--jobs",
      description =
          "Most parallel make jobs per package (default: the number of cores); packages with"
              + " serial: true in meta_data.yaml get one.")
  Integer jobs;

  @Option(
      names = "--refresh-chroot",
      description = "Make the build chroot again from the mirror before building.")
  boolean refresh;

  @Option(
      names = "--chroot-cache",
      description =
          "Where chroots are cached (default: $STX_CHROOT_CACHE or"
              + " ~/.cache/starlingx-build/chroots).")
  Path cacheDir;

  ChrootCache cache() {
    return new ChrootCache(
        cacheDir != null ? cacheDir : ChrootCache.defaultRoot(), Duration.ofDays(7));
  }

  ChrootBuildOptions options(String codename) {
    ChrootSpec spec = ChrootSpec.of(codename).withMirror(debianMirror);
    if (seedPackages != null && !seedPackages.isEmpty()) {
      spec = spec.withSeedPackages(seedPackages);
    }
    ChrootBuildOptions options = ChrootBuildOptions.of(codename).withChroot(spec);
    return new ChrootBuildOptions(spec, test, jobs != null ? jobs : options.maxJobs(), refresh);
  }

  /**
   * As {@link #options(String)}, the chroot also seeded with the build's common build-deps when
   * {@code --seed-common-build-deps} is given ({@code controls} read only then).
   */
  ChrootBuildOptions options(
      String codename, Supplier<Collection<DebControl>> controls, PrintStream out) {
    ChrootBuildOptions options = options(codename);
    if (seedCommonBuildDeps < 0) {
      throw new IllegalArgumentException(
          "--seed-common-build-deps is " + seedCommonBuildDeps + "; expected 0 (off) or more");
    }
    if (seedCommonBuildDeps == 0) {
      return options;
    }
    ChrootSpec seeded =
        TreeSeed.seeded(cache(), options.chroot(), controls.get(), seedCommonBuildDeps);
    List<String> added =
        seeded.seedPackages().stream()
            .filter(p -> !options.chroot().seedPackages().contains(p))
            .toList();
    out.println(
        "chroot "
            + seeded.name()
            + ": seeded with the build-deps at least "
            + seedCommonBuildDeps
            + " packages need: "
            + (added.isEmpty() ? "(none beyond the default seed)" : String.join(" ", added)));
    return options.withChroot(seeded);
  }
}
