package org.starlingx.stxbuild.engine.repo.pulp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.starlingx.stxbuild.engine.repo.AddResult;
import org.starlingx.stxbuild.engine.repo.AptSource;
import org.starlingx.stxbuild.engine.repo.FileDigests;
import org.starlingx.stxbuild.engine.repo.RepoSession;
import org.starlingx.stxbuild.engine.repo.SessionNames;
import org.starlingx.stxbuild.engine.reuse.BuildRecord;

/** One build's session on Pulp; see {@link PulpPackageRepository} for names. */
final class PulpRepoSession implements RepoSession {
  private static final String SNAPSHOT = "stx.snapshot";
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(PulpRepoSession.class);

  /**
   * From this many files a batch goes to Pulp in one sync; below, one by one costs Pulp less than
   * the sync's fixed cost (a remote, a repository and their removal).
   */
  static final int BATCH_IMPORT_FROM = 8;

  private final PulpClient pulp;
  private final SessionNames names;
  private final PulpSigning signing;
  private final PulpRepository repository;
  private PulpDistribution distribution;
  private final AtomicInteger snapshots = new AtomicInteger();
  private String fetchableVersion;
  private AptSource fetchSource;
  private boolean kept;
  private boolean closed;

  private PulpRepoSession(
      PulpClient pulp, SessionNames names, PulpSigning signing, PulpRepository repository) {
    this.pulp = pulp;
    this.names = names;
    this.signing = signing;
    this.repository = repository;
  }

  static PulpRepoSession open(PulpClient pulp, SessionNames names, PulpSigning signing) {
    PulpRepositories repositories = pulp.deb().repositories();
    // A session of this name is left over from a run of the same build that was interrupted (a
    // controller restart re-runs the step): it was never completed, so it starts afresh.
    String name = PulpPackageRepository.sessionRepositoryName(names.session());
    repositories.findDistribution(name).ifPresent(stale -> pulp.delete(stale.href()));
    repositories.find(name).ifPresent(stale -> pulp.delete(stale.href()));
    deleteSnapshots(pulp, names);
    PulpRepository created =
        repositories.create(
            PulpPackageRepository.sessionRepositoryName(names.session()),
            PulpPackageRepository.labels(names, "session"));
    PulpRepoSession session = new PulpRepoSession(pulp, names, signing, created);
    try {
      // Start from the branch's last good content: unchanged packages are reused, not rebuilt.
      repositories
          .find(PulpPackageRepository.branchRepositoryName(names.branch()))
          .map(PulpRepository::latestVersionHref)
          .filter(version -> !version.endsWith("/versions/0/"))
          .ifPresent(version -> repositories.modify(created.href(), List.of(), List.of(), version));
      return session;
    } catch (RuntimeException e) {
      session.abort();
      throw e;
    }
  }

  /**
   * A handle on a session another process opened (a build pod adding its packages to its build's
   * session): it adds and publishes, and closing it leaves the session to its owner.
   */
  static PulpRepoSession attach(PulpClient pulp, SessionNames names, PulpSigning signing) {
    String name = PulpPackageRepository.sessionRepositoryName(names.session());
    PulpRepository repository =
        pulp.deb()
            .repositories()
            .find(name)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "repository session '"
                            + names.session()
                            + "' does not exist in Pulp ("
                            + name
                            + "); expected the build that owns it to have opened it"));
    PulpRepoSession session = new PulpRepoSession(pulp, names, signing, repository);
    session.kept = true;
    return session;
  }

  @Override
  public SessionNames names() {
    return names;
  }

  @Override
  public AddResult addPackages(List<Path> debs) {
    List<String> content = new ArrayList<>();
    AddResult result =
        debs.size() >= BATCH_IMPORT_FROM && pulp.deb().batchImportEnabled()
            ? importBatch(debs, content)
            : null;
    if (result == null) {
      result = addOneByOne(debs, content);
    }
    // One repository version for the whole batch: readers see all of it or none of it.
    pulp.deb().repositories().modify(repository.href(), content, List.of(), null);
    return result;
  }

  /**
   * Adds a batch through one Pulp sync ({@link PulpPackageImport}); null when Pulp cannot fetch
   * from this process (a network policy between Pulp and the pod), which then adds one by one.
   */
  private AddResult importBatch(List<Path> debs, List<String> content) {
    PulpPackageImport.Imported imported;
    try {
      imported = pulp.deb().importPackages(debs);
    } catch (PulpException e) {
      LOG.warn(
          "Pulp could not take {} packages in one sync ({}); adding them one by one from now on",
          debs.size(),
          e.getMessage());
      pulp.deb().disableBatchImport();
      return null;
    }
    pulp.artifacts().sent(imported.bytesSent());
    AddResult result = new AddResult(0, imported.filesSent(), 0, imported.bytesSent());
    for (Path deb : debs) {
      long size = size(deb);
      String sha256 = FileDigests.of(deb).sha256();
      content.add(imported.contentBySha256().get(sha256));
      result = result.plus(new AddResult(1, 0, size, 0));
    }
    pulp.artifacts().reused(result.bytesProduced() - imported.bytesSent());
    return result;
  }

  private AddResult addOneByOne(List<Path> debs, List<String> content) {
    AddResult result = new AddResult(0, 0, 0, 0);
    for (Path deb : debs) {
      long size = size(deb);
      String sha256 = FileDigests.of(deb).sha256();
      PulpDeb.Ensured outcome = pulp.deb().ensurePackage(deb, sha256);
      boolean sent = outcome.uploaded();
      if (!sent) {
        pulp.artifacts().reused(size);
      }
      content.add(outcome.contentHref());
      result = result.plus(new AddResult(1, sent ? 1 : 0, size, sent ? size : 0));
    }
    return result;
  }

  @Override
  public boolean addExisting(List<BuildRecord.Deb> debs) {
    List<String> content = new ArrayList<>();
    for (BuildRecord.Deb deb : debs) {
      Optional<String> held = pulp.deb().recordedPackage(deb.sha256());
      if (held.isEmpty()) {
        return false;
      }
      content.add(held.get());
    }
    // The session starts from the branch's last good build, which holds most reused packages
    // already: asking costs a query, a modify that changes nothing costs a Pulp task.
    List<String> missing = new ArrayList<>(content);
    missing.removeAll(pulp.deb().heldIn(latestVersion(), content));
    if (!missing.isEmpty()) {
      pulp.deb().repositories().modify(repository.href(), missing, List.of(), null);
    }
    return true;
  }

  /**
   * Downloads a package of this session from its publication (published again only when its content
   * changed since), for a local worker that unpacks build-deps.
   */
  @Override
  public synchronized Path fetch(BuildRecord.Deb deb, Path dir) {
    String version = latestVersion();
    if (!version.equals(fetchableVersion)) {
      fetchSource = publish();
      fetchableVersion = version;
    }
    String architecture =
        pulp.deb()
            .packageFields(deb.sha256(), "architecture")
            .map(node -> node.path("architecture").asText())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Pulp no longer holds " + deb.file() + " (sha256 " + deb.sha256() + ")"));
    String base = fetchSource.url().toString().replaceFirst("/?$", "/");
    // Pulp lists Architecture: all packages in binary-all, and may list them per architecture.
    List<String> indexes =
        "all".equals(architecture) ? List.of("all", "amd64", "arm64") : List.of(architecture);
    String filename = null;
    for (String indexArch : indexes) {
      if (filename != null) {
        break;
      }
      Path index = dir.resolve(".Packages-" + deb.sha256());
      try {
        pulp.download(
            java.net.URI.create(base + "dists/default/all/binary-" + indexArch + "/Packages"),
            index);
        for (String paragraph : Files.readString(index).split("\n\n")) {
          if (paragraph.contains("\nSHA256: " + deb.sha256())) {
            filename = PulpPackageImport.field(paragraph, "Filename");
          }
        }
        Files.deleteIfExists(index);
      } catch (PulpException e) {
        // No index for that architecture in this publication.
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + index, e);
      }
    }
    if (filename == null) {
      throw new IllegalStateException(
          "the session's publication does not list "
              + deb.file()
              + " (sha256 "
              + deb.sha256()
              + ")");
    }
    return pulp.download(java.net.URI.create(base + filename), dir.resolve(deb.file()));
  }

  @Override
  public List<String> packages() {
    return pulp.deb().packagesIn(latestVersion());
  }

  @Override
  public List<BuildRecord.Deb> builtFrom(String source) {
    return pulp.deb().builtFrom(latestVersion(), source);
  }

  @Override
  public AptSource publish() {
    String publication = pulp.deb().publish(latestVersion(), signingHref());
    PulpRepositories repositories = pulp.deb().repositories();
    if (distribution == null) {
      distribution =
          repositories.createDistribution(
              repository.name(),
              PulpPackageRepository.sessionBasePath(names.session()),
              publication,
              PulpPackageRepository.labels(names, "session"));
    } else {
      repositories.updateDistribution(distribution.href(), publication);
    }
    return PulpPackageRepository.aptSource(distribution.baseUrl(), signing);
  }

  @Override
  public AptSource snapshot() {
    String publication = pulp.deb().publish(latestVersion(), signingHref());
    int number = snapshots.incrementAndGet();
    Map<String, String> labels = PulpPackageRepository.labels(names, "session");
    labels.put(SNAPSHOT, String.valueOf(number));
    PulpDistribution served =
        pulp.deb()
            .repositories()
            .createDistribution(
                repository.name() + "-snapshot-" + number,
                PulpPackageRepository.sessionSnapshotBasePath(names.session(), number),
                publication,
                labels);
    return PulpPackageRepository.aptSource(served.baseUrl(), signing);
  }

  /**
   * Snapshots serve readers while the build runs; once it ends nobody reads them. Retention removes
   * any that a killed build left, as they carry the session's role.
   */
  private static void deleteSnapshots(PulpClient pulp, SessionNames names) {
    pulp.deb()
        .repositories()
        .distributionsLabelled("stx.session=" + names.session() + "," + SNAPSHOT)
        .forEach(snapshot -> pulp.delete(snapshot.href()));
  }

  @Override
  public AptSource complete() {
    PulpRepositories repositories = pulp.deb().repositories();
    String branchName = PulpPackageRepository.branchRepositoryName(names.branch());
    PulpRepository branch =
        repositories
            .find(branchName)
            .orElseGet(
                () ->
                    repositories.create(branchName, PulpPackageRepository.labels(names, "branch")));
    // The branch's new version is exactly this session's content.
    String version =
        repositories
            .modify(branch.href(), List.of(), List.of(), latestVersion())
            .orElseGet(() -> repositories.get(branch.href()).latestVersionHref());
    String publication = pulp.deb().publish(version, signingHref());
    PulpDistribution served =
        repositories.serve(
            branchName,
            PulpPackageRepository.branchBasePath(names.branch()),
            publication,
            PulpPackageRepository.labels(names, "branch"));
    kept = true;
    deleteSnapshots(pulp, names);
    return PulpPackageRepository.aptSource(served.baseUrl(), signing);
  }

  @Override
  public void promoteRelease(String releaseName) {
    SessionNames.requireName(releaseName, "release");
    PulpRepositories repositories = pulp.deb().repositories();
    repositories.label(repository.href(), PulpPackageRepository.RELEASED, releaseName);
    String publication = pulp.deb().publish(latestVersion(), signingHref());
    Map<String, String> labels = PulpPackageRepository.labels(names, "release");
    labels.put(PulpPackageRepository.RELEASED, releaseName);
    repositories.createDistribution(
        PulpPackageRepository.releaseDistributionName(releaseName),
        PulpPackageRepository.releaseBasePath(releaseName),
        publication,
        labels);
    kept = true;
  }

  @Override
  public void abort() {
    if (closed) {
      return;
    }
    closed = true;
    // Deleting the repository deletes its versions and publications; content units stay in Pulp,
    // shared with other repositories, until retention cleans orphans.
    if (distribution != null) {
      pulp.delete(distribution.href());
    }
    deleteSnapshots(pulp, names);
    pulp.delete(repository.href());
  }

  @Override
  public void close() {
    if (!kept) {
      abort();
    }
  }

  private String signingHref() {
    return signing == null ? null : signing.serviceHref();
  }

  private String latestVersion() {
    return pulp.deb().repositories().get(repository.href()).latestVersionHref();
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
