package org.starlingx.stxbuild.engine.wheels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.source.StxSourceTree;

class WheelsTarballTest {
  @TempDir Path tree;

  @Test
  void listsAreReadFromEveryRepositoryAndAMissingPackageIsNamed() throws Exception {
    Files.createDirectories(tree.resolve("a"));
    Files.createDirectories(tree.resolve("b"));
    Files.writeString(
        tree.resolve("a/debian_stable_wheels.inc"),
        "# comment\npython3-x-wheels\n\npython3-y-wheels # trailing\n");
    Files.writeString(tree.resolve("b/debian_stable_wheels.inc"), "python3-x-wheels\n");
    StxSourceTree source = StxSourceTree.open(tree);
    assertThat(WheelsTarball.listed(source))
        .containsExactly("python3-x-wheels", "python3-y-wheels");
    assertThatThrownBy(() -> WheelsTarball.build(source, Map.of(), "bookworm", tree))
        .hasMessageContaining("were not built: python3-x-wheels, python3-y-wheels");
  }
}
