package org.starlingx.stxbuild.engine.repo.pulp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.starlingx.stxbuild.engine.retention.RetentionStore;
import org.starlingx.stxbuild.engine.retention.StoredItem;

/**
 * Pulp as a store retention sweeps: every deb and file repository and distribution carrying a
 * {@code stx.role} label. Distributions are listed (and so removed) before repositories.
 */
public final class PulpRetentionStore implements RetentionStore {
  private static final String DISTRIBUTION = "distribution";
  private static final String REPOSITORY = "repository";

  private final PulpClient pulp;
  private final Duration orphanProtection;

  /** {@code orphanProtection}: how long unreferenced content stays, for builds still running. */
  public PulpRetentionStore(PulpClient pulp, Duration orphanProtection) {
    this.pulp = pulp;
    this.orphanProtection = orphanProtection;
  }

  @Override
  public List<StoredItem> inventory() {
    List<StoredItem> items = new ArrayList<>();
    for (PulpRepositories type : List.of(pulp.deb().repositories(), pulp.files().repositories())) {
      type.distributionsLabelled("stx.role")
          .forEach(d -> items.add(new StoredItem(d.href(), DISTRIBUTION, d.created(), d.labels())));
    }
    for (PulpRepositories type : List.of(pulp.deb().repositories(), pulp.files().repositories())) {
      type.labelled("stx.role")
          .forEach(r -> items.add(new StoredItem(r.href(), REPOSITORY, r.created(), r.labels())));
    }
    return items;
  }

  @Override
  public void delete(StoredItem item) {
    pulp.delete(item.id());
  }

  @Override
  public void cleanUnreferenced() {
    pulp.cleanOrphans(orphanProtection);
  }
}
