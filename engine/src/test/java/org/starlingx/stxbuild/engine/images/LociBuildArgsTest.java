package org.starlingx.stxbuild.engine.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LociBuildArgsTest {
  private static ImageDirective loci(Map<String, String> values) {
    Map<String, String> all = new java.util.HashMap<>(values);
    all.put("BUILDER", "loci");
    all.put("LABEL", "stx-x");
    return new ImageDirective(Path.of("x.stable_docker_image"), all);
  }

  @Test
  void theDirectivesValuesGoUnderLocisNamesAndEmptyOnesAreLeftOut() {
    Map<String, String> args =
        LociBuildArgs.of(
            loci(
                Map.of(
                    "PROJECT", "keystone",
                    "PROJECT_UID", "42425",
                    "PROJECT_GID", "42425",
                    "PIP_PACKAGES", "pycrypto python-openstackclient",
                    "DIST_PACKAGES", "")),
            "reg/stx-debian:master-stable-1",
            null);
    assertThat(args)
        .containsEntry("PROJECT", "keystone")
        .containsEntry("PROJECT_REPO", "https://opendev.org/openstack/keystone.git")
        .containsEntry("FROM", "reg/stx-debian:master-stable-1")
        .containsEntry("UID", "42425")
        .containsEntry("GID", "42425")
        .containsEntry("PIP_PACKAGES", "pycrypto python-openstackclient")
        .doesNotContainKeys("DIST_PACKAGES", "WHEELS", "PROJECT_UID");
  }

  @Test
  void aLociImageWithoutAProjectIsRefused() {
    assertThatThrownBy(() -> LociBuildArgs.of(loci(Map.of()), "b", "w"))
        .hasMessageContaining("PROJECT is not set");
  }
}
