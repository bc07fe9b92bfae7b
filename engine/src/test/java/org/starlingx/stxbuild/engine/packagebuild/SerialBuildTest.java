package org.starlingx.stxbuild.engine.packagebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SerialBuildTest {
  @TempDir Path dir;

  @Test
  void serialTrueInMetaDataMeansOneMakeJob() throws Exception {
    assertThat(SerialBuild.of(write("debname: a\nserial: true\n"))).isTrue();
    assertThat(SerialBuild.of(write("debname: a\nserial: false\n"))).isFalse();
    assertThat(SerialBuild.of(write("debname: a\n"))).isFalse();
    assertThat(SerialBuild.of(dir.resolve("missing.yaml"))).isFalse();
  }

  private Path write(String yaml) throws Exception {
    Path file = Files.createTempFile(dir, "meta_data", ".yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
