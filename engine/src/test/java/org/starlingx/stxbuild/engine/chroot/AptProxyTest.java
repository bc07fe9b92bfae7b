package org.starlingx.stxbuild.engine.chroot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.exec.CommandRunner;
import org.starlingx.stxbuild.engine.workers.PodPackageBuild;

class AptProxyTest {
  @TempDir Path dir;

  @Test
  void onlyAPlainHttpProxyIsAcceptedAndTheErrorNamesTheSetting() {
    assertThat(AptProxy.parse(" http://10.213.0.1:24142 ", "--pod-apt-proxy").url())
        .hasToString("http://10.213.0.1:24142");
    for (String bad : List.of("10.213.0.1:24142", "https://p:1", "http://u:secret@p:1", "")) {
      assertThatThrownBy(() -> AptProxy.parse(bad, "--pod-apt-proxy"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("--pod-apt-proxy")
          .hasMessageContaining("expected http://host:port");
    }
  }

  /** The line the script runs writes an apt.conf.d file that apt itself reads as the proxy. */
  @Test
  void theScriptGivesAptInTheOverlayTheProxyWhichAptReads() throws Exception {
    AptProxy proxy = AptProxy.parse("http://10.213.0.1:24142", "test");
    String script =
        ChrootBuildScript.render(
            "/l",
            "/w",
            "a_1.dsc",
            false,
            "/c",
            CleanEnvironment.build(false, 1),
            Optional.of(proxy));
    String line =
        script
            .lines()
            .filter(l -> l.contains("00stx-apt-proxy"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no proxy line in\n" + script));
    Files.createDirectories(dir.resolve("etc/apt/apt.conf.d"));
    CommandRunner.run(dir, List.of("sh", "-c", "root=" + dir + "; " + line));
    Path conf = dir.resolve("etc/apt/apt.conf.d/00stx-apt-proxy");
    assertThat(Files.readString(conf)).isEqualTo(proxy.aptConf() + "\n");
    String dumped =
        CommandRunner.run(
                dir, List.of("apt-config", "-c", conf.toString(), "dump", "Acquire::http::Proxy"))
            .output();
    assertThat(dumped).contains("Acquire::http::Proxy \"http://10.213.0.1:24142\";");

    assertThat(
            ChrootBuildScript.render(
                "/l", "/w", "a_1.dsc", false, "/c", CleanEnvironment.build(false, 1)))
        .doesNotContain("00stx-apt-proxy");
  }

  /** A pod reads the proxy from its environment; the chroot (and fingerprint) stay the same. */
  @Test
  void aPodTakesTheProxyFromItsEnvironmentWithoutChangingItsChroot() {
    Map<String, String> env =
        Map.of(
            "STX_DIST", "bullseye",
            "STX_SOURCE_URL", "http://10.213.0.1:24816/pulp/content/s/a_1.dsc",
            "STX_REPO_BRANCH", "b",
            "STX_REPO_SESSION", "s");
    PodPackageBuild without = PodPackageBuild.fromEnvironment(env);
    Map<String, String> withProxy = new java.util.HashMap<>(env);
    withProxy.put(AptProxy.ENVIRONMENT, "http://10.213.0.1:24142");
    PodPackageBuild with = PodPackageBuild.fromEnvironment(withProxy);
    assertThat(without.aptProxy()).isEmpty();
    assertThat(with.aptProxy()).contains(AptProxy.parse("http://10.213.0.1:24142", "x"));
    assertThat(with.chroot().identity()).isEqualTo(without.chroot().identity());
    assertThat(with.chroot().chroot().mirror()).isEqualTo(ChrootSpec.DEBIAN_MIRROR);
    withProxy.put(AptProxy.ENVIRONMENT, "proxy:3142");
    assertThatThrownBy(() -> PodPackageBuild.fromEnvironment(withProxy))
        .hasMessageContaining("STX_APT_PROXY");
  }
}
