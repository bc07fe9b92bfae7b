package org.starlingx.stxbuild.engine.incremental;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildHistoryTest {
  @TempDir Path root;

  private static final BuildHistory.Entry LIB =
      new BuildHistory.Entry(
          "a".repeat(64), List.of(new BuildHistory.Deb("lib_1.0_amd64.deb", "b".repeat(64))), 1200);

  @Test
  void aLineThatNeverBuiltHasNoHistory() {
    assertThat(BuildHistory.open(root, "master").lastGood("lib")).isEmpty();
  }

  @Test
  void theLastGoodBuildSurvivesReopening() {
    BuildHistory.open(root, "master").replace(Map.of("lib", LIB));
    assertThat(BuildHistory.open(root, "master").lastGood("lib")).contains(LIB);
    assertThat(BuildHistory.open(root, "r-stx-9").lastGood("lib")).isEmpty();
  }

  @Test
  void aNewGoodBuildReplacesTheOldOne() {
    BuildHistory history = BuildHistory.open(root, "master");
    history.replace(Map.of("lib", LIB));
    BuildHistory.Entry app = new BuildHistory.Entry("c".repeat(64), List.of(), 10);
    history.replace(Map.of("app", app));
    BuildHistory reopened = BuildHistory.open(root, "master");
    assertThat(reopened.lastGood("lib")).isEmpty();
    assertThat(reopened.lastGood("app")).contains(app);
  }

  @Test
  void aCorruptHistoryIsAClearError() throws IOException {
    Files.writeString(root.resolve("master.json"), "not json");
    assertThatThrownBy(() -> BuildHistory.open(root, "master"))
        .hasMessageContaining("master.json")
        .hasMessageContaining("is not a build history");
  }

  @Test
  void aLineNameThatIsNotAValidNameIsRefused() {
    assertThatThrownBy(() -> BuildHistory.open(root, "../escape"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
