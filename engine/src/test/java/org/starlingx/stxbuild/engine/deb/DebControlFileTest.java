package org.starlingx.stxbuild.engine.deb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.exec.CommandRunner;

class DebControlFileTest {
  @TempDir Path work;

  @Test
  void readsTheControlFileAsDpkgDebDoesForEveryDefaultCompression() {
    Path xz =
        new DebArchiveBuilder(work.resolve("stage"))
            .build(
                new BinaryPackageSpec("libstx-demo", "1:2.0-3", "amd64", "demo package", Map.of()),
                work.resolve("out"));
    String dpkg = CommandRunner.run(work, List.of("dpkg-deb", "--field", xz.toString())).output();
    assertThat(DebControlFile.read(xz).strip()).isEqualTo(dpkg.strip());

    Path gz = work.resolve("gz.deb");
    CommandRunner.run(
        work,
        List.of(
            "dpkg-deb",
            "-Zgzip",
            "--build",
            work.resolve("stage/libstx-demo-1:2.0-3").toString(),
            gz.toString()));
    assertThat(DebControlFile.read(gz).strip()).isEqualTo(dpkg.strip());
  }

  @Test
  void aFileThatIsNoDebIsNamed() throws Exception {
    Path text = Files.writeString(work.resolve("notes.deb"), "hello");
    assertThatThrownBy(() -> DebControlFile.read(text))
        .hasMessageContaining("notes.deb is not a .deb");
  }
}
