package org.starlingx.stxbuild.engine.repo.pulp;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs work for a key once at a time: callers that ask for the same key while it runs wait for the
 * first caller's result instead of repeating the work (the same file from parallel builds).
 */
final class SingleFlight<K, V> {
  /** A result, and whether this caller computed it or joined another's. */
  record Outcome<V>(V value, boolean computedHere) {}

  private final Map<K, CompletableFuture<V>> running = new ConcurrentHashMap<>();

  Outcome<V> run(K key, Supplier<V> work) {
    CompletableFuture<V> mine = new CompletableFuture<>();
    CompletableFuture<V> earlier = running.putIfAbsent(key, mine);
    if (earlier != null) {
      return new Outcome<>(join(earlier), false);
    }
    try {
      V value = work.get();
      mine.complete(value);
      return new Outcome<>(value, true);
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      running.remove(key, mine);
    }
  }

  private static <V> V join(CompletableFuture<V> earlier) {
    try {
      return earlier.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }
}
