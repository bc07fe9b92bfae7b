package org.starlingx.stxbuild.engine.repo.local;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.starlingx.stxbuild.engine.repo.AddResult;
import org.starlingx.stxbuild.engine.repo.AptSource;
import org.starlingx.stxbuild.engine.repo.RepoSession;
import org.starlingx.stxbuild.engine.repo.SessionNames;
import org.starlingx.stxbuild.engine.reuse.BuildRecord;

/** One build's session in the local repository: a suite of its own over the shared pool. */
final class LocalRepoSession implements RepoSession {
  private final LocalPackageRepository repository;
  private final SessionNames names;
  private final Map<String, LocalPackage> packages = new LinkedHashMap<>();
  private boolean kept;
  private boolean closed;

  LocalRepoSession(
      LocalPackageRepository repository, SessionNames names, List<LocalPackage> start) {
    this.repository = repository;
    this.names = names;
    start.forEach(pkg -> packages.put(pkg.key(), pkg));
  }

  @Override
  public SessionNames names() {
    return names;
  }

  @Override
  public synchronized AddResult addPackages(List<Path> debs) {
    AddResult result = new AddResult(0, 0, 0, 0);
    for (Path deb : debs) {
      LocalPool.Stored stored = repository.pool().store(deb);
      packages.put(stored.pkg().key(), stored.pkg());
      result =
          result.plus(
              new AddResult(
                  1,
                  stored.newlyStored() ? 1 : 0,
                  stored.size(),
                  stored.newlyStored() ? stored.size() : 0));
    }
    return result;
  }

  @Override
  public synchronized boolean addExisting(List<BuildRecord.Deb> debs) {
    List<Path> held = new java.util.ArrayList<>();
    for (BuildRecord.Deb deb : debs) {
      Path file = repository.pool().path(deb.sha256(), deb.file());
      if (!java.nio.file.Files.isRegularFile(file)) {
        return false;
      }
      held.add(file);
    }
    addPackages(held);
    return true;
  }

  @Override
  public Path fetch(BuildRecord.Deb deb, Path dir) {
    // The pool is on this machine: its file is the copy.
    return repository.pool().path(deb.sha256(), deb.file());
  }

  @Override
  public synchronized List<String> packages() {
    return packages.values().stream().map(pkg -> pkg.name() + "=" + pkg.version()).toList();
  }

  @Override
  public synchronized AptSource publish() {
    return repository.publish(
        state(LocalPackageRepository.sessionSuite(names.session()), "session"));
  }

  @Override
  public synchronized AptSource complete() {
    kept = true;
    return repository.publish(state(LocalPackageRepository.branchSuite(names.branch()), "branch"));
  }

  @Override
  public synchronized void promoteRelease(String releaseName) {
    SessionNames.requireName(releaseName, "release");
    SuiteState release = state(LocalPackageRepository.releaseSuite(releaseName), "release");
    Map<String, String> labels = new HashMap<>(release.labels());
    labels.put("stx.released", releaseName);
    repository.publish(new SuiteState(release.suite(), labels, release.packages()));
    kept = true;
  }

  @Override
  public synchronized void abort() {
    if (!closed) {
      closed = true;
      repository.remove(LocalPackageRepository.sessionSuite(names.session()));
    }
  }

  @Override
  public void close() {
    if (!kept) {
      abort();
    }
  }

  private SuiteState state(String suite, String role) {
    Map<String, String> labels = new HashMap<>(names.labels());
    labels.put("stx.role", role);
    labels.put("stx.branch", names.branch());
    labels.put("stx.session", names.session());
    return new SuiteState(suite, labels, List.copyOf(packages.values()));
  }
}
