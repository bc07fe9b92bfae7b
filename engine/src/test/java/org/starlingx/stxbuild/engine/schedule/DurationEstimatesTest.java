package org.starlingx.stxbuild.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurationEstimatesTest {
  @TempDir Path dir;

  @Test
  void anUnknownTaskGetsTheDefault() {
    assertThat(DurationEstimates.read(dir.resolve("none.json"), 500).estimate("lib"))
        .isEqualTo(500);
  }

  @Test
  void recordedDurationsSurviveWritingAndReading() {
    DurationEstimates estimates = new DurationEstimates(500);
    estimates.record("lib", 1200);
    estimates.record("app", 30);
    estimates.write(dir.resolve("history/durations.json"));
    DurationEstimates read = DurationEstimates.read(dir.resolve("history/durations.json"), 7);
    assertThat(read.estimate("lib")).isEqualTo(1200);
    assertThat(read.estimate("app")).isEqualTo(30);
    assertThat(read.estimate("new")).isEqualTo(7);
  }

  @Test
  void aNewerBuildReplacesTheEstimate() {
    DurationEstimates estimates = new DurationEstimates(500);
    estimates.record("lib", 1200);
    estimates.record("lib", 900);
    assertThat(estimates.estimate("lib")).isEqualTo(900);
  }

  @Test
  void aFileThatIsNotEstimatesIsAClearError() throws IOException {
    Path file = dir.resolve("durations.json");
    Files.writeString(file, "[1, 2]");
    assertThatThrownBy(() -> DurationEstimates.read(file, 500))
        .hasMessageContaining("durations.json")
        .hasMessageContaining("JSON of task to milliseconds");
  }
}
