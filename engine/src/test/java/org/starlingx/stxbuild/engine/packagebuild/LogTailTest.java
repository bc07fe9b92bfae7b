package org.starlingx.stxbuild.engine.packagebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {
  @TempDir Path dir;

  @Test
  void readsTheLastLinesFromTheEndOfABigLogOnly() throws Exception {
    Path log = dir.resolve("big.log");
    try (BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      for (int i = 1; i <= 200_000; i++) {
        out.write("line " + i + " of a long build\n");
      }
      out.write("x".repeat(5000) + "\n");
      out.write("dpkg-buildpackage: error: debian/rules build subprocess returned exit status 2\n");
    }
    assertThat(Files.size(log)).isGreaterThan(5_000_000);

    List<String> tail = LogTail.of(log, 10, 16 * 1024, 400);

    assertThat(tail).hasSize(10);
    assertThat(tail.get(9))
        .isEqualTo(
            "dpkg-buildpackage: error: debian/rules build subprocess returned exit status 2");
    assertThat(tail.get(8)).hasSize(400 + " [...]".length()).endsWith(" [...]");
    assertThat(tail.get(7)).isEqualTo("line 200000 of a long build");
  }

  @Test
  void aLineCutByTheByteBoundIsLeftOut() throws Exception {
    Path log = dir.resolve("cut.log");
    Files.writeString(log, "first line that is long\nsecond\nthird\n");

    assertThat(LogTail.of(log, 10, 16, 100)).containsExactly("second", "third");
    assertThat(LogTail.of(log, 10, 1000, 100))
        .containsExactly("first line that is long", "second", "third");
  }

  @Test
  void aMissingLogSaysSo() {
    assertThat(LogTail.of(dir.resolve("gone.log")))
        .containsExactly("(no log: gone.log was not written)");
  }
}
