package org.starlingx.stxbuild.engine.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every build status store does; each store's test runs these against the real thing. */
abstract class BuildStatusStoreContract {
  protected final String line = "alice-stx-master-" + UUID.randomUUID().toString().substring(0, 8);

  protected abstract BuildStatusStore store();

  static BuildRecord record(String line, String id, BuildResult result, String fp, int minute) {
    Instant start = Instant.parse("2026-11-20T10:00:00Z").plusSeconds(60L * minute);
    return new BuildRecord(line, id, result, fp, start, start.plusSeconds(30), Map.of("n", id));
  }

  @Test
  void anEmptyLineHasNoHistoryAndNoGoodBuild() {
    assertThat(store().history(line)).isEmpty();
    assertThat(store().lastGood(line)).isEmpty();
  }

  @Test
  void lastGoodIsTheNewestSuccessNotTheNewestRecord() {
    BuildStatusStore store = store();
    store.record(record(line, "b1", BuildResult.SUCCESS, "aaa", 1));
    store.record(record(line, "b3", BuildResult.FAILED, "ccc", 3));
    store.record(record(line, "b2", BuildResult.SUCCESS, "bbb", 2));
    store.record(record(line, "b4", BuildResult.UNCHANGED, "bbb", 4));

    assertThat(store.history(line))
        .extracting(BuildRecord::buildId)
        .containsExactly("b1", "b2", "b3", "b4");
    assertThat(store.lastGood(line))
        .get()
        .extracting(BuildRecord::sourceFingerprint)
        .isEqualTo("bbb");
    assertThat(store.history(line).get(0))
        .isEqualTo(record(line, "b1", BuildResult.SUCCESS, "aaa", 1));
  }

  @Test
  void aRecordIsNeverOverwritten() {
    BuildStatusStore store = store();
    store.record(record(line, "b1", BuildResult.SUCCESS, "aaa", 1));

    assertThatThrownBy(() -> store.record(record(line, "b1", BuildResult.FAILED, "zzz", 2)))
        .hasMessageContaining("b1")
        .hasMessageContaining("already recorded");
    assertThat(store.history(line))
        .singleElement()
        .extracting(BuildRecord::result)
        .isEqualTo(BuildResult.SUCCESS);
  }

  @Test
  void linesDoNotSeeEachOther() {
    BuildStatusStore store = store();
    store.record(record(line, "b1", BuildResult.SUCCESS, "aaa", 1));
    assertThat(store.history(line + "-other")).isEmpty();
  }
}
