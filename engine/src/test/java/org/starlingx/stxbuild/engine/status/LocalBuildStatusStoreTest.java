package org.starlingx.stxbuild.engine.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBuildStatusStoreTest extends BuildStatusStoreContract {
  @TempDir Path root;

  @Override
  protected BuildStatusStore store() {
    return new LocalBuildStatusStore(root);
  }

  @Test
  void recordsArePlainJsonAPersonCanRead() throws Exception {
    store().record(record(line, "b7", BuildResult.FAILED, "abc", 1));
    String json = Files.readString(root.resolve(line).resolve("b7.json"));
    assertThat(json)
        .contains("\"result\" : \"FAILED\"", "\"startedAt\" : \"2026-11-20T10:01:00Z\"");
  }

  @Test
  void aLineThatIsNoSafeNameIsRefusedByName() {
    assertThatThrownBy(() -> store().history("../etc")).hasMessageContaining("build line");
  }

  @Test
  void aDamagedRecordIsNamedInTheError() throws Exception {
    Files.createDirectories(root.resolve(line));
    Files.writeString(root.resolve(line).resolve("b9.json"), "{ not json");
    assertThatThrownBy(() -> store().history(line))
        .hasMessageContaining("b9.json")
        .hasMessageContaining("not a readable build record");
  }
}
