package org.starlingx.stxbuild.engine.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.status.BuildRecord;
import org.starlingx.stxbuild.engine.status.BuildResult;
import org.starlingx.stxbuild.engine.status.LocalBuildStatusStore;

class ChangeDetectorTest {
  @TempDir Path root;

  private void recordBuild(LocalBuildStatusStore store, String id, BuildResult result, String fp) {
    Instant now = Instant.parse("2026-11-24T08:00:00Z").plusSeconds(id.hashCode() & 0xffff);
    store.record(new BuildRecord("line", id, result, fp, now, now, Map.of()));
  }

  @Test
  void theFirstBuildOfALineIsNeeded() {
    ChangeDecision decision =
        new ChangeDetector(new LocalBuildStatusStore(root)).decide("line", "f1", false);
    assertThat(decision.needBuild()).isTrue();
    assertThat(decision.reason()).contains("no good build");
  }

  @Test
  void unchangedSourcesSkipTheBuildUnlessForced() {
    LocalBuildStatusStore store = new LocalBuildStatusStore(root);
    recordBuild(store, "b1", BuildResult.SUCCESS, "f1");
    ChangeDetector detector = new ChangeDetector(store);

    assertThat(detector.decide("line", "f1", false).needBuild()).isFalse();
    assertThat(detector.decide("line", "f1", false).reason()).contains("unchanged", "b1");
    assertThat(detector.decide("line", "f1", true).needBuild()).isTrue();
    assertThat(detector.decide("line", "f2", false).needBuild()).isTrue();
  }

  @Test
  void aFailedBuildIsNoBaseline() {
    LocalBuildStatusStore store = new LocalBuildStatusStore(root);
    recordBuild(store, "b1", BuildResult.SUCCESS, "f1");
    recordBuild(store, "b2", BuildResult.FAILED, "f2");
    // f2 failed: building f2 again is needed, because the last good build had f1.
    assertThat(new ChangeDetector(store).decide("line", "f2", false).needBuild()).isTrue();
  }
}
