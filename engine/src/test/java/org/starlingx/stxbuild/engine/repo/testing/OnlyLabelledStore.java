package org.starlingx.stxbuild.engine.repo.testing;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.starlingx.stxbuild.engine.retention.BuildContent;
import org.starlingx.stxbuild.engine.retention.RetentionStore;
import org.starlingx.stxbuild.engine.retention.StoredItem;

/** A store seen through one label, so a test sweeps only what it created in a shared server. */
public record OnlyLabelledStore(RetentionStore store, String key, String value)
    implements RetentionStore {

  @Override
  public List<StoredItem> inventory() {
    return store.inventory().stream().filter(item -> value.equals(item.labels().get(key))).toList();
  }

  @Override
  public void delete(StoredItem item) {
    store.delete(item);
  }

  @Override
  public void cleanUnreferenced() {
    store.cleanUnreferenced();
  }

  @Override
  public List<BuildContent> builds(Collection<StoredItem> removed) {
    return store.builds(removed).stream()
        .filter(build -> value.equals(build.labels().get(key)))
        .toList();
  }

  @Override
  public void forget(Set<String> content) {
    store.forget(content);
  }

  @Override
  public void drop(BuildContent build) {
    store.drop(build);
  }

  @Override
  public void removeContent(Set<String> content) {
    store.removeContent(content);
  }
}
