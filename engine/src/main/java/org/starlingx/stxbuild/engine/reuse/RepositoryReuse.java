package org.starlingx.stxbuild.engine.reuse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.starlingx.stxbuild.engine.repo.RepoSession;

/**
 * One build's reuse through the shared repository: a package whose inputs are identical to a good
 * earlier build's (within the reuse scope) joins the session by reference, no byte sent; the
 * build's own good packages are recorded for later builds. {@code never_reuse} packages are taken
 * only from the build's own line unless {@link ReuseSettings#maximum()}.
 */
public final class RepositoryReuse {
  private final BuildRecords records;
  private final ReuseSettings settings;
  private final Set<String> neverReuse;
  private final String line;
  private final String project;

  public RepositoryReuse(
      BuildRecords records,
      ReuseSettings settings,
      Set<String> neverReuse,
      String line,
      String project) {
    this.records = records;
    this.settings = settings;
    this.neverReuse = Set.copyOf(neverReuse);
    this.line = line;
    this.project = project;
  }

  /**
   * Adds an earlier build's outputs of {@code sourcePackage} to {@code session} when one with these
   * inputs is recorded and the repository still holds all its files.
   */
  public Optional<BuildRecord> tryReuse(
      String sourcePackage, String fingerprint, RepoSession session) {
    ReuseScope scope =
        !settings.maximum() && neverReuse.contains(sourcePackage)
            ? ReuseScope.LINE
            : settings.scope();
    Optional<BuildRecord> found = records.find(sourcePackage, fingerprint, scope, line, project);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    synchronized (session) {
      return session.addExisting(found.get().debs()) ? found : Optional.empty();
    }
  }

  /** Whether {@code sourcePackage} may come only from this line's own builds. */
  public boolean ownLineOnly(String sourcePackage) {
    return !settings.maximum() && neverReuse.contains(sourcePackage);
  }

  /** Records a good build's packages: {@code fingerprint} and files per source package. */
  public void record(Collection<Built> built) {
    List<BuildRecord> list = new ArrayList<>();
    for (Built b : built) {
      list.add(new BuildRecord(b.sourcePackage(), b.fingerprint(), line, project, b.debs()));
    }
    records.save(list);
  }

  /** One package of a good build, to record. */
  public record Built(String sourcePackage, String fingerprint, List<BuildRecord.Deb> debs) {}
}
