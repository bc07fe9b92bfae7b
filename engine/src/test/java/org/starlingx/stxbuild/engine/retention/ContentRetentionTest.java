package org.starlingx.stxbuild.engine.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Retention keeps every package a kept build refers to, and only those. */
class ContentRetentionTest {
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  @Test
  void keepsWhatAKeptBuildReferstoEvenIfAnExpiredBuildMadeIt() {
    // A built lib and app; B reused lib and rebuilt app; A is no longer kept.
    BuildContent a = build("a", false, "lib-a", "app-a");
    BuildContent b = build("b", true, "lib-a", "app-b");
    ContentSelection selection = ContentSelection.of(List.of(a, b));
    assertThat(selection.keep()).containsExactlyInAnyOrder("lib-a", "app-b");
    assertThat(selection.remove()).containsExactly("app-a");
    assertThat(selection.dropped()).containsExactly(a);
  }

  @Test
  void removesNothingAKeptBuildRefersToWhateverTheOrder() {
    BuildContent released = build("rel", true, "p1", "p2");
    BuildContent old1 = build("old1", false, "p1", "p3");
    BuildContent old2 = build("old2", false, "p3", "p4");
    for (List<BuildContent> order :
        List.of(List.of(released, old1, old2), List.of(old2, old1, released))) {
      ContentSelection selection = ContentSelection.of(order);
      assertThat(selection.keep()).containsExactlyInAnyOrder("p1", "p2");
      assertThat(selection.remove()).containsExactlyInAnyOrder("p3", "p4");
    }
  }

  @Test
  void keepsEverythingWhileEveryBuildIsKept() {
    ContentSelection selection =
        ContentSelection.of(List.of(build("a", true, "p1"), build("b", true, "p2")));
    assertThat(selection.remove()).isEmpty();
    assertThat(selection.dropped()).isEmpty();
  }

  @Test
  void sweepForgetsRecordsBeforeRemovingAndRemovesOnlyUnreferencedPackages() {
    StoredItem expired =
        new StoredItem(
            "session-a",
            "repository",
            NOW.minus(Duration.ofDays(15)),
            Map.of("stx.role", "session"));
    StoredItem young =
        new StoredItem(
            "session-b",
            "repository",
            NOW.minus(Duration.ofDays(1)),
            Map.of("stx.role", "session"));
    FakeStore store = new FakeStore(List.of(expired, young));
    RetentionSweeper sweeper =
        new RetentionSweeper(RetentionPolicy.DEFAULT, Clock.fixed(NOW, ZoneOffset.UTC));

    RetentionReport dryRun = sweeper.sweep(store, true);
    assertThat(dryRun.content().remove()).containsExactly("app-a");
    assertThat(store.calls).isEmpty();

    RetentionReport swept = sweeper.sweep(store, false);
    assertThat(swept.content().keep()).containsExactlyInAnyOrder("lib-a", "app-b");
    assertThat(store.calls)
        .containsExactly(
            "forget [app-a]", "delete session-a", "drop session-a/1", "clean", "remove [app-a]");
  }

  private static BuildContent build(String id, boolean kept, String... content) {
    return new BuildContent(id, kept, Set.of(content), Map.of());
  }

  /** Session a (built lib-a, app-a) and session b (reused lib-a, built app-b). */
  private static final class FakeStore implements RetentionStore {
    private final List<StoredItem> items;
    final List<String> calls = new ArrayList<>();

    FakeStore(List<StoredItem> items) {
      this.items = items;
    }

    @Override
    public List<StoredItem> inventory() {
      return items;
    }

    @Override
    public List<BuildContent> builds(Collection<StoredItem> removed) {
      boolean aRemoved = removed.stream().anyMatch(i -> i.id().equals("session-a"));
      return List.of(
          build("session-a/1", !aRemoved, "lib-a", "app-a"),
          build("session-b/1", true, "lib-a", "app-b"));
    }

    @Override
    public void forget(Set<String> content) {
      calls.add("forget " + content);
    }

    @Override
    public void delete(StoredItem item) {
      calls.add("delete " + item.id());
    }

    @Override
    public void drop(BuildContent build) {
      calls.add("drop " + build.id());
    }

    @Override
    public void cleanUnreferenced() {
      calls.add("clean");
    }

    @Override
    public void removeContent(Set<String> content) {
      calls.add("remove " + content);
    }
  }
}
