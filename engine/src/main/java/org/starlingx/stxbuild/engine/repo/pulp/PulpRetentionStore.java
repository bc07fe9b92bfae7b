package org.starlingx.stxbuild.engine.repo.pulp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.starlingx.stxbuild.engine.retention.BuildContent;
import org.starlingx.stxbuild.engine.retention.RetentionStore;
import org.starlingx.stxbuild.engine.retention.StoredItem;

/**
 * Pulp as a store retention sweeps: every deb and file repository and distribution carrying a
 * {@code stx.role} label. Distributions are listed (and so removed) before repositories. Packages
 * are kept while a kept build (a version of a kept session or branch repository) refers to them.
 */
public final class PulpRetentionStore implements RetentionStore {
  private static final String DISTRIBUTION = "distribution";
  private static final String REPOSITORY = "repository";

  private final PulpClient pulp;
  private final Duration orphanProtection;
  private final PulpBuildContents contents;

  /** {@code orphanProtection}: how long unreferenced content stays, for builds still running. */
  public PulpRetentionStore(PulpClient pulp, Duration orphanProtection) {
    this(pulp, orphanProtection, "");
  }

  /**
   * A store limited to builds whose repositories also match {@code scopeSelector} (for example
   * {@code stx.run=ab12}), for a test on a shared Pulp; empty means all.
   */
  PulpRetentionStore(PulpClient pulp, Duration orphanProtection, String scopeSelector) {
    this.pulp = pulp;
    this.orphanProtection = orphanProtection;
    this.contents = new PulpBuildContents(pulp.http(), pulp.tasks(), scopeSelector);
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

  @Override
  public List<BuildContent> builds(Collection<StoredItem> removed) {
    return contents.builds(removed);
  }

  @Override
  public void forget(Set<String> content) {
    contents.forget(content);
  }

  @Override
  public void drop(BuildContent build) {
    contents.drop(build.id());
  }

  @Override
  public void removeContent(Set<String> content) {
    contents.removeUnreferenced(content, orphanProtection);
  }
}
