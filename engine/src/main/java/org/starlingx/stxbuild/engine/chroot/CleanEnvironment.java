package org.starlingx.stxbuild.engine.chroot;

import java.util.LinkedHashMap;
import java.util.Map;
import org.starlingx.stxbuild.engine.exec.BuildEnvironment;

/**
 * The whole environment of the commands that make and use chroots: nothing is inherited from the
 * caller (no PATH with a pyenv shim, no HOME, no locale, no secrets), only what Debian's tools
 * need.
 */
public final class CleanEnvironment {
  public static final String PATH = BuildEnvironment.PATH;

  private CleanEnvironment() {}

  /** For host tools (mmdebstrap, tar, unshare). */
  public static Map<String, String> host(String home) {
    return BuildEnvironment.of(home, Map.of("TZ", "UTC"));
  }

  /**
   * Inside the chroot, for {@code dpkg-buildpackage}: tests off unless asked for (StarlingX's
   * default), the make jobs bounded.
   */
  public static Map<String, String> build(boolean runTests, int jobs) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", PATH);
    env.put("HOME", "/build");
    env.put("LC_ALL", "C.UTF-8");
    env.put("LANG", "C.UTF-8");
    env.put("TZ", "UTC");
    env.put("DEBIAN_FRONTEND", "noninteractive");
    env.put("DEB_BUILD_OPTIONS", debBuildOptions(runTests, jobs));
    return env;
  }

  static String debBuildOptions(boolean runTests, int jobs) {
    if (jobs < 1) {
      throw new IllegalArgumentException("make jobs is " + jobs + "; expected at least 1");
    }
    return (runTests ? "" : "nocheck ") + "parallel=" + jobs;
  }
}
