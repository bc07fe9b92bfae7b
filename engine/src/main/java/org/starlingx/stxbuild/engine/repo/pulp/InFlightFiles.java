package org.starlingx.stxbuild.engine.repo.pulp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Files (by sha256) that an import of this process is bringing into Pulp right now. Two sessions
 * that add the same new file at the same moment would each let Pulp fetch it; instead the second
 * waits until the first import has ended, after which Pulp holds the artifact and fetches nothing.
 * Claims are all-or-nothing and never held while waiting, so two imports cannot wait on each other.
 */
final class InFlightFiles {
  private final ConcurrentMap<String, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();

  /** What one import holds; closing it lets waiting imports go on. */
  final class Claim implements AutoCloseable {
    private final List<String> sha256s;
    private final CompletableFuture<Void> done;

    private Claim(List<String> sha256s, CompletableFuture<Void> done) {
      this.sha256s = sha256s;
      this.done = done;
    }

    @Override
    public void close() {
      sha256s.forEach(sha -> inFlight.remove(sha, done));
      done.complete(null);
    }
  }

  /** Claims every file, first waiting for those another import of this process is bringing in. */
  Claim claim(Collection<String> sha256s) throws InterruptedException {
    while (true) {
      CompletableFuture<Void> mine = new CompletableFuture<>();
      List<String> taken = new ArrayList<>();
      CompletableFuture<Void> other = null;
      for (String sha : sha256s) {
        CompletableFuture<Void> holder = inFlight.putIfAbsent(sha, mine);
        if (holder != null && holder != mine) {
          other = holder;
          break;
        }
        taken.add(sha);
      }
      if (other == null) {
        return new Claim(taken, mine);
      }
      // Give back what was taken, wait for the other import, then try again.
      new Claim(taken, mine).close();
      try {
        other.get();
      } catch (java.util.concurrent.ExecutionException e) {
        // The other import failed; its files are free again.
      }
    }
  }
}
