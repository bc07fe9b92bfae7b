package org.starlingx.stxbuild.engine.chroot;

/**
 * How packages build in chroots.
 *
 * @param chroot which chroot (codename, mirror, seed packages)
 * @param runTests run the packages' tests (off by default: {@code DEB_BUILD_OPTIONS=nocheck}, as
 *     StarlingX builds)
 * @param maxJobs the most parallel make jobs one package gets ({@code serial: true} packages get
 *     one)
 * @param refreshChroot make the chroot again before the first build, even when cached
 */
public record ChrootBuildOptions(
    ChrootSpec chroot, boolean runTests, int maxJobs, boolean refreshChroot) {
  public ChrootBuildOptions {
    if (maxJobs < 1) {
      throw new IllegalArgumentException("make jobs is " + maxJobs + "; expected at least 1");
    }
  }

  /** The default for a codename: Debian's mirror, StarlingX's seed, no tests, jobs = cores. */
  public static ChrootBuildOptions of(String codename) {
    return new ChrootBuildOptions(
        ChrootSpec.of(codename), false, Runtime.getRuntime().availableProcessors(), false);
  }

  /**
   * What a result built with these options depends on besides the package's inputs: the chroot
   * (codename, architecture, mirror, seed packages) and whether tests ran. Not the make jobs, which
   * change how fast a package builds, not what it builds.
   */
  public String identity() {
    return chroot.name() + (runTests ? "+tests" : "");
  }

  /** The make jobs of one package. */
  public int jobs(boolean serial) {
    return serial ? 1 : maxJobs;
  }

  public ChrootBuildOptions withChroot(ChrootSpec other) {
    return new ChrootBuildOptions(other, runTests, maxJobs, refreshChroot);
  }

  public ChrootBuildOptions withTests(boolean tests) {
    return new ChrootBuildOptions(chroot, tests, maxJobs, refreshChroot);
  }

  public ChrootBuildOptions withRefresh(boolean refresh) {
    return new ChrootBuildOptions(chroot, runTests, maxJobs, refresh);
  }
}
