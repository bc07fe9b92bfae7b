package org.starlingx.stxbuild.engine.chroot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildPhasesTest {
  @Test
  void eachStepLastsFromTheMarkerBeforeItToItsOwn() {
    Map<String, Double> phases =
        BuildPhases.durations(
            List.of(
                "chroot trixie-amd64-x (http://deb.debian.org/debian)",
                BuildPhases.line(BuildPhases.BEGIN, Instant.ofEpochSecond(100, 0)),
                BuildPhases.line(BuildPhases.COPY_IN, Instant.ofEpochSecond(100, 250_000_000)),
                "== installing build-deps",
                "STX-PHASE overlay 101.000000000",
                "STX-PHASE build-deps 104.5",
                "Unpacking libfoo-dev ...",
                "STX-BUILD-START=105.0",
                "STX-BUILD-END=115.0",
                "STX-PHASE collect 115.5",
                "STX-PHASE garbled"));
    assertThat(phases.keySet())
        .containsExactly(
            BuildPhases.COPY_IN,
            BuildPhases.OVERLAY,
            BuildPhases.BUILD_DEPS,
            BuildPhases.ENTER_BUILD,
            BuildPhases.DPKG_BUILDPACKAGE,
            BuildPhases.COLLECT);
    assertThat(phases.get(BuildPhases.COPY_IN)).isCloseTo(0.25, within(1e-6));
    assertThat(phases.get(BuildPhases.BUILD_DEPS)).isCloseTo(3.5, within(1e-6));
    assertThat(phases.get(BuildPhases.DPKG_BUILDPACKAGE)).isCloseTo(10.0, within(1e-6));
    assertThat(phases.get(BuildPhases.COLLECT)).isCloseTo(0.5, within(1e-6));
  }

  @Test
  void theScriptsMarkersAreShellEchoesOfTheEpochTime() {
    assertThat(BuildPhases.marker(BuildPhases.BUILD_DEPS))
        .isEqualTo("echo STX-PHASE build-deps $(date +%s.%N)");
    assertThat(
            ChrootBuildScript.render(
                "/c/root", "/w", "x_1.dsc", true, "/c/debs", Map.of("PATH", "/usr/bin")))
        .contains(BuildPhases.marker(BuildPhases.OVERLAY))
        .contains(BuildPhases.marker(BuildPhases.SESSION_SOURCE))
        .contains(BuildPhases.marker(BuildPhases.UNPACK_SOURCE))
        .contains(BuildPhases.marker(BuildPhases.BUILD_DEPS))
        .contains(BuildPhases.marker(BuildPhases.KEEP_DEBS));
  }

  @Test
  void aptRunsOnlyWhenTheChrootLacksABuildDepAndManDbIsNotReindexed() {
    String script =
        ChrootBuildScript.render("/c/root", "/w", "x_1.dsc", false, "/c/debs", Map.of());
    assertThat(script.indexOf("dpkg-checkbuilddeps"))
        .isPositive()
        .isLessThan(script.indexOf("build-dep ./src"));
    assertThat(script)
        .contains("every build-dep is installed in the chroot already")
        .contains("rm -f \"$root/var/lib/man-db/auto-update\"");
  }
}
