package org.starlingx.stxbuild.engine.repo.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.starlingx.stxbuild.engine.retention.RetentionStore;
import org.starlingx.stxbuild.engine.retention.StoredItem;

/**
 * The local repository as a store retention sweeps: its suites (by the time their state was last
 * written), and pool files no suite references.
 */
public final class LocalRetentionStore implements RetentionStore {
  private final LocalPackageRepository repository;
  private final Duration grace;
  private final Clock clock;

  /** {@code grace}: how old an unreferenced pool file must be before it goes. */
  public LocalRetentionStore(LocalPackageRepository repository, Duration grace, Clock clock) {
    this.repository = repository;
    this.grace = grace;
    this.clock = clock;
  }

  @Override
  public List<StoredItem> inventory() {
    List<StoredItem> items = new ArrayList<>();
    for (SuiteState state : states()) {
      Path file = SuiteState.file(repository.root(), state.suite());
      items.add(new StoredItem(state.suite(), "suite", modified(file), state.labels()));
    }
    return items;
  }

  @Override
  public void delete(StoredItem item) {
    repository.remove(item.id());
  }

  @Override
  public void cleanUnreferenced() {
    Set<String> referenced = new HashSet<>();
    states().forEach(state -> state.packages().forEach(pkg -> referenced.add(pkg.sha256())));
    Path pool = repository.root().resolve("pool");
    if (!Files.isDirectory(pool)) {
      return;
    }
    Instant cutoff = clock.instant().minus(grace);
    try (Stream<Path> prefixes = Files.list(pool)) {
      for (Path prefix : prefixes.toList()) {
        try (Stream<Path> files = Files.list(prefix)) {
          files
              .filter(dir -> !referenced.contains(dir.getFileName().toString()))
              .filter(dir -> modified(dir).isBefore(cutoff))
              .forEach(org.starlingx.stxbuild.engine.files.FileTrees::delete);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean " + pool, e);
    }
  }

  private List<SuiteState> states() {
    Path stateDir = repository.root().resolve("state");
    if (!Files.isDirectory(stateDir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(stateDir)) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(".json"))
          .map(name -> name.substring(0, name.length() - ".json".length()))
          .flatMap(suite -> SuiteState.read(repository.root(), suite).stream())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + stateDir, e);
    }
  }

  private static Instant modified(Path path) {
    try {
      return Files.getLastModifiedTime(path).toInstant();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
