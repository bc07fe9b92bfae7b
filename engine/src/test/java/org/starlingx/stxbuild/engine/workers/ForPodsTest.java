package org.starlingx.stxbuild.engine.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * URLs handed to package pods: Pulp names its content by its CONTENT_ORIGIN, which in testenv is
 * loopback, and the caller (a CLI in the build's agent pod) may reach it at yet another address;
 * pods get both rewritten to the address they reach.
 */
class ForPodsTest {
  private final ClusterWorkers.ForPods forPods =
      new ClusterWorkers.ForPods(
          List.of("http://10.213.0.1:24816/", "http://127.0.0.1:24816/"),
          "http://10.213.0.1:24816/");

  @Test
  void pulpsPublishedOriginAndTheCallersAddressBothBecomeThePodsAddress() {
    assertThat(forPods.url("http://127.0.0.1:24816/pulp/content/stx/sources/a/x.dsc"))
        .isEqualTo("http://10.213.0.1:24816/pulp/content/stx/sources/a/x.dsc");
    assertThat(forPods.url("http://10.213.0.1:24816/pulp/content/stx/sessions/b/"))
        .isEqualTo("http://10.213.0.1:24816/pulp/content/stx/sessions/b/");
  }

  @Test
  void anotherHostIsLeftAlone() {
    assertThat(forPods.url("http://deb.debian.org/debian/"))
        .isEqualTo("http://deb.debian.org/debian/");
    // a prefix of the origin's host is not the origin
    assertThat(forPods.url("http://127.0.0.1:248160/x")).isEqualTo("http://127.0.0.1:248160/x");
  }
}
