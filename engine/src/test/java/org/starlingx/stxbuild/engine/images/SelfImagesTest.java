package org.starlingx.stxbuild.engine.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.starlingx.stxbuild.engine.pods.BuildRole;
import org.starlingx.stxbuild.engine.pods.RoleSettings;

class SelfImagesTest {
  @Test
  void theTagsCarryTheVersionAndThePkgbuilderTheCodename() {
    SelfImages images = new SelfImages("registry.example.com/stx/", "1.2.0");
    assertThat(images.builder()).isEqualTo("registry.example.com/stx/stx-build-builder:1.2.0");
    assertThat(images.pkgbuilder("trixie"))
        .isEqualTo("registry.example.com/stx/stx-build-pkgbuilder:1.2.0-trixie");
    assertThat(new SelfImages("", "1.2.0").pkgbuilder("bullseye"))
        .isEqualTo("stx-build-pkgbuilder:1.2.0-bullseye");
  }

  @Test
  void podsDefaultToTheProjectsOwnImagesNotStarlingXsWhichHoldNoStxBuild() {
    assertThat(RoleSettings.defaults(BuildRole.PKGBUILDER).image())
        .isEqualTo(SelfImages.defaults().pkgbuilder("bullseye"))
        .doesNotContain("starlingx/stx-pkgbuilder");
    assertThat(RoleSettings.defaults(BuildRole.BUILDER).image())
        .isEqualTo(SelfImages.defaults().builder());
  }

  @Test
  void badNamesAreRefusedNamingTheValue() {
    assertThatThrownBy(() -> new SelfImages("", "1.0 beta")).hasMessageContaining("'1.0 beta'");
    assertThatThrownBy(() -> new SelfImages("Bad Registry", "1.0"))
        .hasMessageContaining("'Bad Registry'");
  }
}
