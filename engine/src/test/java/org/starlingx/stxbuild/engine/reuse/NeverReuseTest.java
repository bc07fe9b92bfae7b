package org.starlingx.stxbuild.engine.reuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NeverReuseTest {
  @TempDir Path tree;

  @Test
  void defaultsToStarlingXsOwnList() {
    assertThat(NeverReuse.forTree(tree, "bookworm"))
        .containsExactlyInAnyOrder("build-info", "grub-efi", "shim");
  }

  @Test
  void readsTheTreesListForTheCodenameAsBuildPkgsDoes() throws Exception {
    Path dir = tree.resolve("stx-tools/debian-mirror-tools/config/debian/trixie/common");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("never_reuse.lst"), "# signed\n\n  shim-signed \nlinux-signed\n");
    assertThat(NeverReuse.forTree(tree, "trixie"))
        .containsExactlyInAnyOrder("shim-signed", "linux-signed");
    assertThat(NeverReuse.forTree(tree, "bookworm")).contains("shim");
  }

  @Test
  void scopesAreReadByName() {
    assertThat(ReuseScope.parse("Project")).isEqualTo(ReuseScope.PROJECT);
    assertThatThrownBy(() -> ReuseScope.parse("team"))
        .hasMessage("reuse scope 'team' is unknown; expected line, project or everything");
  }
}
