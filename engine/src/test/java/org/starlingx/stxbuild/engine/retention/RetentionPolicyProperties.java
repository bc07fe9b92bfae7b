package org.starlingx.stxbuild.engine.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Over random histories: released and mirrored content is never selected, whatever its age. */
class RetentionPolicyProperties {
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  @Property(tries = 500)
  void neverSelectsReleasedMirroredBranchOrKeptContent(
      @ForAll("histories") List<StoredItem> history,
      @ForAll @IntRange(min = 1, max = 60) int days) {
    RetentionReport plan = sweeper(days).plan(history);

    assertThat(plan.removed())
        .allSatisfy(
            item -> {
              assertThat(item.labels()).doesNotContainKey("stx.released");
              assertThat(item.labels().get("stx.keep")).isNotEqualTo("forever");
              assertThat(item.role()).isIn("session", "log");
            });
  }

  @Property(tries = 500)
  void selectsExactlyTheUnprotectedBuildContentOlderThanThePeriod(
      @ForAll("histories") List<StoredItem> history,
      @ForAll @IntRange(min = 1, max = 60) int days) {
    RetentionReport plan = sweeper(days).plan(history);

    Instant cutoff = NOW.minus(Duration.ofDays(days));
    List<StoredItem> expected =
        history.stream()
            .filter(item -> List.of("session", "log").contains(item.role()))
            .filter(item -> !item.labels().containsKey("stx.released"))
            .filter(item -> !"forever".equals(item.labels().get("stx.keep")))
            .filter(item -> !item.created().isAfter(cutoff))
            .toList();
    assertThat(plan.removed()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(plan.removed().size() + plan.kept().size()).isEqualTo(history.size());
  }

  @Property(tries = 200)
  void aDryRunChangesNothing(@ForAll("histories") List<StoredItem> history) {
    RecordingStore store = new RecordingStore(history);
    RetentionReport report = sweeper(14).sweep(store, true);

    assertThat(report.dryRun()).isTrue();
    assertThat(store.deleted).isEmpty();
    assertThat(store.cleaned).isFalse();
  }

  @Property(tries = 200)
  void aSweepDeletesWhatThePlanSelectsAndNothingElse(
      @ForAll("histories") List<StoredItem> history) {
    RecordingStore store = new RecordingStore(history);
    RetentionReport report = sweeper(14).sweep(store, false);

    assertThat(store.deleted).containsExactlyElementsOf(report.removed());
    assertThat(store.cleaned).isTrue();
  }

  @Provide
  Arbitrary<List<StoredItem>> histories() {
    Arbitrary<String> roles =
        Arbitraries.of("session", "log", "branch", "release", "mirror", "", "unknown");
    Arbitrary<Long> ageMinutes = Arbitraries.longs().between(0, Duration.ofDays(90).toMinutes());
    Arbitrary<Boolean> released = Arbitraries.of(true, false);
    Arbitrary<Boolean> keep = Arbitraries.of(true, false);
    Arbitrary<StoredItem> item =
        Combinators.combine(
                Arbitraries.strings().alpha().ofLength(8), roles, ageMinutes, released, keep)
            .as(
                (id, role, age, isReleased, isKept) -> {
                  Map<String, String> labels = new HashMap<>();
                  if (!role.isEmpty()) {
                    labels.put("stx.role", role);
                  }
                  if (isReleased) {
                    labels.put("stx.released", "r-" + id);
                  }
                  if (isKept) {
                    labels.put("stx.keep", "forever");
                  }
                  return new StoredItem(id, "item", NOW.minus(Duration.ofMinutes(age)), labels);
                });
    return item.list().ofMaxSize(40);
  }

  private static RetentionSweeper sweeper(int days) {
    return new RetentionSweeper(RetentionPolicy.days(days), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static final class RecordingStore implements RetentionStore {
    private final List<StoredItem> items;
    private final List<StoredItem> deleted = new ArrayList<>();
    private boolean cleaned;

    RecordingStore(List<StoredItem> items) {
      this.items = items;
    }

    @Override
    public List<StoredItem> inventory() {
      return items;
    }

    @Override
    public void delete(StoredItem item) {
      deleted.add(item);
    }

    @Override
    public void cleanUnreferenced() {
      cleaned = true;
    }
  }
}
