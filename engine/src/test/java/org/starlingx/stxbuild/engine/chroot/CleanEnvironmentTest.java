package org.starlingx.stxbuild.engine.chroot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CleanEnvironmentTest {
  @Test
  void theBuildEnvironmentHoldsOnlyWhatDebianToolsNeedAndNothingOfTheCaller() {
    Map<String, String> env = CleanEnvironment.build(false, 4);
    assertThat(env)
        .containsOnlyKeys(
            "PATH", "HOME", "LC_ALL", "LANG", "TZ", "DEBIAN_FRONTEND", "DEB_BUILD_OPTIONS");
    assertThat(env.get("PATH")).isEqualTo(CleanEnvironment.PATH).doesNotContain("pyenv", "home");
    assertThat(env.get("HOME")).isEqualTo("/build");
    assertThat(env.get("LC_ALL")).isEqualTo("C.UTF-8");
    assertThat(CleanEnvironment.host("/w"))
        .containsOnlyKeys("PATH", "HOME", "TMPDIR", "LC_ALL", "LANG", "TZ");
  }

  @Test
  void testsAreOffByDefaultAndMakeJobsBounded() {
    assertThat(CleanEnvironment.build(false, 4))
        .containsEntry("DEB_BUILD_OPTIONS", "nocheck parallel=4");
    assertThat(CleanEnvironment.build(true, 1)).containsEntry("DEB_BUILD_OPTIONS", "parallel=1");
    assertThatThrownBy(() -> CleanEnvironment.build(false, 0)).hasMessageContaining("at least 1");
  }

  @Test
  void aSerialPackageGetsOneJobOthersTheMaximum() {
    ChrootBuildOptions options = new ChrootBuildOptions(ChrootSpec.of("trixie"), false, 6, false);
    assertThat(options.jobs(true)).isEqualTo(1);
    assertThat(options.jobs(false)).isEqualTo(6);
    assertThat(ChrootBuildOptions.of("trixie").runTests()).isFalse();
    assertThat(ChrootBuildOptions.of("trixie").withTests(true).runTests()).isTrue();
  }

  @Test
  void theScriptInstallsBuildDepsInsideAndBuildsWithoutNetworkInTheCleanEnvironment() {
    String script =
        ChrootBuildScript.render(
            "/cache/bullseye.root",
            "/work/pkg",
            "fm-mgr_1.0-1.dsc",
            true,
            "/cache/debs-bullseye-amd64",
            CleanEnvironment.build(false, 2));
    assertThat(script)
        .contains("lowerdir=$lower,upperdir=$work/upper")
        .contains("file:/build/deps ./")
        .contains("build-dep ./src")
        .contains("unshare --net chroot \"$root\" /usr/bin/env -i 'PATH=")
        .contains("'DEB_BUILD_OPTIONS=nocheck parallel=2'")
        .contains("dpkg-source -x", "fm-mgr_1.0-1.dsc")
        .doesNotContain("STX_DEPS_ROOT");
    // Debian build-deps come from the codename's cache into this build's own upper layer, and what
    // it downloaded goes back; dpkg does not fsync into an overlay thrown away afterwards.
    assertThat(script)
        .contains("cache='/cache/debs-bullseye-amd64'")
        .contains("-exec ln -t \"$archives\" {} +")
        .contains("-exec ln -t \"$cache\" {} +")
        .contains("APT::Keep-Downloaded-Packages=true")
        .contains("force-unsafe-io > \"$work/upper/etc/dpkg/dpkg.cfg.d/");
    assertThat(script.indexOf("-exec ln -t \"$cache\""))
        .isGreaterThan(script.indexOf("build-dep ./src"))
        .isLessThan(script.indexOf("== building"));
    assertThat(
            ChrootBuildScript.render(
                "/l", "/w", "a_1.dsc", false, "/c", CleanEnvironment.build(false, 1)))
        .doesNotContain("stx-session.list");
    assertThat(ChrootBuildScript.launcher("/w/build.sh"))
        .contains("--mount", "--pid", "--kill-child")
        .endsWith("/bin/sh", "/w/build.sh");
  }

  @Test
  void theTimeInsideDpkgBuildpackageIsReadFromTheLog() {
    assertThat(
            BuildTimings.dpkgBuildpackageSeconds(
                List.of("x", "STX-BUILD-START=100.25", "dh binary", "STX-BUILD-END=112.75")))
        .hasValue(12.5);
    assertThat(BuildTimings.dpkgBuildpackageSeconds(List.of("STX-BUILD-START=1"))).isEmpty();
  }
}
