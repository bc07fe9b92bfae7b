package org.starlingx.stxbuild.engine.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.starlingx.stxbuild.engine.repo.MirrorDownload;

/**
 * The download step: fills the mirror with every 3rd-party file a source tree needs for the given
 * build types, each verified by the checksum its metadata gives. A file the mirror already holds is
 * not fetched again; a wrong file is refused and reported, and the step goes on with the rest.
 */
public final class DownloadStep {
  /** What happened to one needed file. */
  public record Item(SourceDownload download, String outcome, String error) {
    public boolean failed() {
      return error != null;
    }
  }

  /** Every needed file with its outcome. */
  public record Report(List<Item> items) {
    public long count(String outcome) {
      return items.stream().filter(i -> outcome.equals(i.outcome())).count();
    }

    public List<Item> failures() {
      return items.stream().filter(Item::failed).toList();
    }
  }

  private final SourceFetcher fetcher;

  public DownloadStep(SourceFetcher fetcher) {
    this.fetcher = fetcher;
  }

  /** The distinct downloads of the tree's packages (several packages may share one file). */
  public static List<SourceDownload> needs(
      StxSourceTree tree, String dist, List<String> buildTypes) {
    Map<MirrorDownload, SourceDownload> distinct = new LinkedHashMap<>();
    for (String buildType : buildTypes) {
      for (PackageRecipe recipe : tree.recipes(dist, buildType)) {
        recipe.downloads().forEach(d -> distinct.putIfAbsent(d.download(), d));
      }
    }
    return List.copyOf(distinct.values());
  }

  /** Plans without fetching anything: what a dry run prints. */
  public List<SourceDownload> plan(StxSourceTree tree, String dist, List<String> buildTypes) {
    return needs(tree, dist, buildTypes);
  }

  public Report run(
      StxSourceTree tree, String dist, List<String> buildTypes, Consumer<Item> progress) {
    List<Item> items = new ArrayList<>();
    for (SourceDownload need : needs(tree, dist, buildTypes)) {
      Item item;
      try {
        item = new Item(need, fetcher.ensure(need.download()).name().toLowerCase(), null);
      } catch (RuntimeException e) {
        item = new Item(need, "failed", need.declaredIn() + ": " + e.getMessage());
      }
      items.add(item);
      progress.accept(item);
    }
    return new Report(List.copyOf(items));
  }
}
