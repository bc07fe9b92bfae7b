package org.starlingx.stxbuild.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build command's environment is exactly the one given; a huge log's tail is read from its end.
 */
class LoggedProcessTest {
  @TempDir Path work;

  @Test
  void aCommandGetsExactlyTheGivenEnvironment() throws Exception {
    Path log = work.resolve("env.log");
    Map<String, String> env = BuildEnvironment.of(work.toString(), Map.of("ONLY_THIS", "1"));
    LoggedProcess.run(work, List.of("env"), env, log, () -> false);
    List<String> names =
        Files.readAllLines(log).stream().map(l -> l.substring(0, l.indexOf('='))).sorted().toList();
    assertThat(names).containsExactlyInAnyOrderElementsOf(env.keySet());
  }

  @Test
  void theTailOfAHugeLogIsReadFromItsEnd() throws IOException {
    Path log = work.resolve("huge.log");
    try (var file = new java.io.RandomAccessFile(log.toFile(), "rw")) {
      file.setLength(400L * 1024 * 1024); // sparse: 400 MB without writing them
      file.seek(file.length());
      file.write("one\ntwo\nthree\nfour\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    long t0 = System.nanoTime();
    assertThat(LogTail.lastLines(log, 3)).containsExactly("two", "three", "four");
    System.out.printf("tail of a 400 MB log in %.1f ms%n", (System.nanoTime() - t0) / 1e6);
  }
}
