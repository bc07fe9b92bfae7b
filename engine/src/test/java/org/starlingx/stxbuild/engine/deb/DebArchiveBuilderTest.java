package org.starlingx.stxbuild.engine.deb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.exec.CommandRunner;

/** Uses Debian's dpkg-deb, a local tool: no service needed. */
class DebArchiveBuilderTest {

  @Test
  void buildsARealDebThatDpkgReadsBack(@TempDir Path work) {
    BinaryPackageSpec spec =
        new BinaryPackageSpec(
            "stx-unit",
            "1.2-3",
            "all",
            "unit test package",
            Map.of("/usr/share/stx-unit/file", "content".getBytes(StandardCharsets.UTF_8)));

    Path deb = new DebArchiveBuilder(work.resolve("stage")).build(spec, work.resolve("out"));

    assertThat(deb.getFileName()).hasToString("stx-unit_1.2-3_all.deb");
    String fields =
        CommandRunner.run(work, List.of("dpkg-deb", "--field", deb.toString())).output();
    assertThat(fields).contains("Package: stx-unit", "Version: 1.2-3", "Architecture: all");
    String contents =
        CommandRunner.run(work, List.of("dpkg-deb", "--contents", deb.toString())).output();
    assertThat(contents).contains("./usr/share/stx-unit/file").contains("root/root");
  }

  @Test
  void aSecondBuildOfTheSameSpecReplacesTheStagingTree(@TempDir Path work) {
    DebArchiveBuilder builder = new DebArchiveBuilder(work.resolve("stage"));
    BinaryPackageSpec first =
        new BinaryPackageSpec("stx-twice", "1.0", "all", "d", Map.of("/a", new byte[] {1}));
    BinaryPackageSpec second =
        new BinaryPackageSpec("stx-twice", "1.0", "all", "d", Map.of("/b", new byte[] {2}));
    builder.build(first, work.resolve("out"));
    Path deb = builder.build(second, work.resolve("out"));

    String contents =
        CommandRunner.run(work, List.of("dpkg-deb", "--contents", deb.toString())).output();
    assertThat(contents).contains("./b").doesNotContain("./a");
  }
}
