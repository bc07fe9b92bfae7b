package org.starlingx.stxbuild.engine.packagebuild;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.starlingx.stxbuild.engine.files.ExclusiveLock;
import org.starlingx.stxbuild.engine.graph.DebControl;
import org.starlingx.stxbuild.engine.graph.PackageGraph;
import org.starlingx.stxbuild.engine.incremental.BuildHistory;
import org.starlingx.stxbuild.engine.incremental.InputFingerprint;
import org.starlingx.stxbuild.engine.repo.AptSource;
import org.starlingx.stxbuild.engine.repo.FileDigests;
import org.starlingx.stxbuild.engine.repo.PackageRepository;
import org.starlingx.stxbuild.engine.repo.RepoSession;
import org.starlingx.stxbuild.engine.repo.SessionNames;
import org.starlingx.stxbuild.engine.reuse.BuildRecord;
import org.starlingx.stxbuild.engine.reuse.NeverReuse;
import org.starlingx.stxbuild.engine.reuse.RepositoryReuse;
import org.starlingx.stxbuild.engine.reuse.ReuseSettings;
import org.starlingx.stxbuild.engine.schedule.AbortSignal;
import org.starlingx.stxbuild.engine.schedule.BuildScheduler;
import org.starlingx.stxbuild.engine.schedule.BuildTask;
import org.starlingx.stxbuild.engine.schedule.DurationEstimates;
import org.starlingx.stxbuild.engine.schedule.ScheduleReport;
import org.starlingx.stxbuild.engine.schedule.SchedulerOptions;
import org.starlingx.stxbuild.engine.schedule.TaskAttempt;
import org.starlingx.stxbuild.engine.schedule.TaskOutcome;
import org.starlingx.stxbuild.engine.schedule.TaskResult;
import org.starlingx.stxbuild.engine.source.PackageRecipe;
import org.starlingx.stxbuild.engine.source.PreparedSource;
import org.starlingx.stxbuild.engine.source.SourceFetcher;
import org.starlingx.stxbuild.engine.source.SourcePackagePreparer;
import org.starlingx.stxbuild.engine.source.StxSourceTree;
import org.starlingx.stxbuild.engine.workers.PackageBuildRequest;
import org.starlingx.stxbuild.engine.workers.PackageWorker;

/**
 * Builds a StarlingX source tree into a repository session: reads the package lists, builds the
 * package graph, and schedules every package on the workers in dependency order. A package whose
 * inputs hash as in the line's last good build is reused; the others are prepared as source
 * packages and built. On success the session becomes the line's last good build.
 *
 * <p>Work files live under {@code workRoot}: {@code sources/}, {@code builds/}, {@code debs/} (the
 * produced packages by sha256, which reuse and later builds read), {@code history/}, {@code
 * logs/<build>/}.
 */
public final class PackageBuild {
  /** Failed packages whose log tail goes into the report; the others link their log. */
  private static final int MAX_TAILS = 100;

  /** What a build did. */
  public record Outcome(
      ScheduleReport report,
      Optional<AptSource> source,
      Path logs,
      Path reportPage,
      Map<String, Path> debs,
      PackageBuildReport details) {
    public boolean succeeded() {
      return report.succeeded();
    }
  }

  private final StxSourceTree tree;
  private final PackageRepository repository;
  private final SourceFetcher fetcher;
  private final PackageWorker worker;
  private final Path workRoot;
  private final BuildProgress progress;

  /**
   * Control data read from a prepared download, per recipe directory: naming a package and planning
   * the build both need it, and preparing a download (fetch, unpack, dpkg-source) is the costly
   * part, so it is done once per recipe. Failures are not kept: preparing again when the package's
   * turn comes reports the reason in its build.
   */
  private final Map<Path, DebControl> preparedControls =
      new java.util.concurrent.ConcurrentHashMap<>();

  private java.util.Set<String> selection = java.util.Set.of();
  private ReuseSettings reuseSettings = ReuseSettings.defaults();
  private boolean everyPackageFile;

  public PackageBuild(
      StxSourceTree tree,
      PackageRepository repository,
      SourceFetcher fetcher,
      PackageWorker worker,
      Path workRoot,
      BuildProgress progress) {
    this.tree = tree;
    this.repository = repository;
    this.fetcher = fetcher;
    this.worker = worker;
    this.workRoot = workRoot.toAbsolutePath().normalize();
    this.progress = progress;
  }

  /**
   * Builds only these source packages (StarlingX's {@code build-pkgs -p}) and any in-tree build-dep
   * of theirs that the line's last good build does not hold; every other package of the tree is
   * taken from that build as it is. Empty: the whole tree.
   */
  public PackageBuild onlyPackages(java.util.Collection<String> packages) {
    this.selection = java.util.Set.copyOf(packages);
    return this;
  }

  /**
   * How this build reuses earlier builds' packages through the repository (default: everything).
   */
  public PackageBuild reuse(ReuseSettings settings) {
    this.reuseSettings = java.util.Objects.requireNonNull(settings, "reuse settings");
    return this;
  }

  /**
   * The outcome names every package's file, those reused by reference fetched from the session too
   * (the daily build makes wheels and charts of them). Off by default: a build that reuses most of
   * a large tree would download all of it for nothing.
   */
  public PackageBuild withEveryPackageFile() {
    this.everyPackageFile = true;
    return this;
  }

  /** The recipes of the requested build types, keyed by source package name. */
  public Map<String, PackageRecipe> recipes(BuildSettings settings) {
    Map<String, PackageRecipe> recipes = new LinkedHashMap<>();
    for (String type : settings.buildTypes()) {
      for (PackageRecipe recipe : tree.recipes(settings.dist(), type)) {
        String name = sourceName(recipe);
        PackageRecipe previous = recipes.putIfAbsent(name, recipe);
        if (previous != null && !previous.dir().equals(recipe.dir())) {
          throw new IllegalArgumentException(
              "source package "
                  + name
                  + " is listed twice: "
                  + previous.relativeDir()
                  + " and "
                  + recipe.relativeDir());
        }
      }
    }
    return recipes;
  }

  public Outcome run(SessionNames names, BuildSettings settings, AbortSignal abort)
      throws InterruptedException {
    try (ExclusiveLock lock =
        ExclusiveLock.acquire(workRoot.resolve(".stx-build.lock"), "work directory " + workRoot)) {
      lock.takenOver()
          .ifPresent(
              holder ->
                  progress.note(
                      "took over the work directory from a build that ended without releasing it ("
                          + holder
                          + ")"));
      try (AutoCloseable line = repository.lockLine(names.branch())) {
        return runLocked(names, settings, abort);
      } catch (InterruptedException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("cannot release the lock of line " + names.branch(), e);
      }
    }
  }

  /**
   * The source packages' control data (name, build-deps, binaries) of the build's recipes, read as
   * the build reads them; a package whose packaging cannot be read has none (it fails later with
   * the reason). Also what a chroot's {@code TreeSeed} is computed from.
   */
  public Map<String, DebControl> controls(BuildSettings settings) {
    return controls(recipes(settings));
  }

  private Map<String, DebControl> controls(Map<String, PackageRecipe> recipes) {
    Map<String, DebControl> controls = new LinkedHashMap<>();
    recipes.forEach(
        (name, recipe) -> {
          try {
            controls.put(name, control(recipe));
          } catch (RuntimeException e) {
            // Its packaging comes with a download that failed (e.g. a host this machine cannot
            // reach): the other packages still build; this one fails with the reason when its
            // turn comes (preparing it fetches again), and nothing is known of its binaries.
            progress.note(
                name
                    + " ("
                    + recipe.relativeDir()
                    + "): its packaging could not be read: "
                    + e.getMessage());
            controls.put(name, new DebControl(name, List.of(), List.of()));
          }
        });
    return controls;
  }

  private Outcome runLocked(SessionNames names, BuildSettings settings, AbortSignal abort)
      throws InterruptedException {
    Map<String, PackageRecipe> recipes = recipes(settings);
    Map<String, DebControl> controls = controls(recipes);
    PackageGraph graph = PackageGraph.of(controls, settings.arch());
    progress.note(
        recipes.size()
            + " packages in "
            + tree.root()
            + " ("
            + String.join(", ", settings.buildTypes())
            + "), build order: "
            + String.join(" ", graph.topologicalOrder()));

    BuildHistory history = BuildHistory.open(workRoot.resolve("history"), names.branch());
    Path durationsFile = workRoot.resolve("history").resolve(names.branch() + ".durations.json");
    DurationEstimates estimates = DurationEstimates.read(durationsFile, 30_000);
    Path logs = workRoot.resolve("logs").resolve(names.session());
    Map<String, String> fingerprints = new ConcurrentHashMap<>();
    Map<String, List<Path>> debsOf = new ConcurrentHashMap<>();
    Map<String, BuildHistory.Entry> newHistory = new ConcurrentHashMap<>();
    List<String> withLogs = new ArrayList<>();
    java.util.Set<String> truncatedLogs = ConcurrentHashMap.newKeySet();
    Map<String, String> placements = new ConcurrentHashMap<>();
    Map<String, String> reusedFrom = new ConcurrentHashMap<>();
    // Packages whose record for this line is in the repository already (built and recorded here,
    // or reused from this line's own record): the good build's final record skips them, as each
    // costs the repository a lookup per file.
    Set<String> recordedForLine = ConcurrentHashMap.newKeySet();

    RepositoryReuse shared =
        new RepositoryReuse(
            repository.buildRecords(),
            reuseSettings,
            NeverReuse.forTree(tree.root(), settings.dist()),
            names.branch(),
            names.labels().getOrDefault("stx.project", ""));
    // Set when the session gained packages since the last snapshot: the next pod needs a new one.
    java.util.concurrent.atomic.AtomicBoolean snapshotStale =
        new java.util.concurrent.atomic.AtomicBoolean();
    Map<String, BuildRecord> byReference = new ConcurrentHashMap<>();
    shared.coordinated(
        repository.buildClaims(),
        names.session(),
        java.time.Duration.ofHours(3),
        java.time.Duration.ofHours(3),
        java.time.Duration.ofSeconds(3));
    try (RepoSession session = repository.openSession(names)) {
      AptSource aptSource = null;
      // Pods take build-deps from the session's apt source: each is dispatched with the newest
      // snapshot, which holds every package it needs and stays the same while the pod reads it.
      java.util.concurrent.atomic.AtomicReference<AptSource> published =
          new java.util.concurrent.atomic.AtomicReference<>(
              worker.remote() ? session.snapshot() : null);
      PackageSelection.Chosen chosen =
          PackageSelection.choose(graph, selection, history, this::reusableFiles);
      if (!selection.isEmpty()) {
        progress.note(
            "building "
                + String.join(" ", chosen.build())
                + "; taken from the last good build: "
                + chosen.taken().size()
                + " packages");
      }
      for (Map.Entry<String, BuildHistory.Entry> taken : chosen.taken().entrySet()) {
        String id = taken.getKey();
        List<Path> files = reusableFiles(taken.getValue()).orElseThrow();
        debsOf.put(id, files);
        fingerprints.put(id, taken.getValue().fingerprint());
        newHistory.put(id, taken.getValue());
        session.addPackages(files);
      }
      List<BuildTask> tasks = new ArrayList<>();
      for (String source : graph.topologicalOrder()) {
        if (chosen.build().contains(source)) {
          List<String> deps =
              graph.dependsOn(source).stream().filter(chosen.build()::contains).toList();
          tasks.add(new BuildTask(source, new java.util.LinkedHashSet<>(deps)));
        }
      }
      AtomicInteger done = new AtomicInteger();
      ScheduleReport report =
          new BuildScheduler(
                  SchedulerOptions.workers(settings.workers())
                      .withRetriesOnFailure(settings.retriesOnFailure()),
                  estimates)
              .run(
                  tasks,
                  (id, attempt, workerName, signal) -> {
                    PackageRecipe recipe = recipes.get(id);
                    Map<String, String> depFingerprints = new LinkedHashMap<>();
                    for (String dep : graph.dependsOn(id)) {
                      depFingerprints.put(dep, fingerprints.get(dep));
                    }
                    String type = buildTypeOf(recipe, settings);
                    String fingerprint =
                        InputFingerprint.of(
                            recipe, settings.dist(), type, depFingerprints, worker.environment());
                    fingerprints.put(id, fingerprint);
                    Optional<List<Path>> reusable =
                        settings.force() ? Optional.empty() : reusable(history, id, fingerprint);
                    if (reusable.isPresent()) {
                      debsOf.put(id, reusable.get());
                      BuildHistory.Entry last = history.lastGood(id).orElseThrow();
                      newHistory.put(id, last);
                      if (last.build() != null) {
                        reusedFrom.put(id, last.build());
                      }
                      return new TaskOutcome.Reused("inputs unchanged since the last good build");
                    }
                    Optional<BuildRecord> recorded =
                        settings.force()
                            ? Optional.empty()
                            : shared.tryReuse(id, fingerprint, session);
                    if (recorded.isEmpty() && !settings.force()) {
                      // A concurrent build of the same inputs may be building it: wait for it.
                      recorded = shared.awaitOrClaim(id, fingerprint, session);
                    }
                    if (recorded.isPresent()) {
                      // Files are fetched only if a later build here unpacks them.
                      byReference.put(id, recorded.get());
                      debsOf.put(id, List.of());
                      snapshotStale.set(true);
                      reusedFrom.put(id, recorded.get().line());
                      if (shared.recordedForThisLine(recorded.get())) {
                        recordedForLine.add(id);
                      }
                      newHistory.put(
                          id,
                          new BuildHistory.Entry(
                              fingerprint,
                              recorded.get().debs().stream()
                                  .map(d -> new BuildHistory.Deb(d.file(), d.sha256()))
                                  .toList(),
                              0));
                      return new TaskOutcome.Reused(
                          "inputs identical to a good build in the shared repository");
                    }
                    try {
                      // Every in-tree package reachable through build-deps: an installed build-dep
                      // may itself depend on another in-tree package.
                      List<String> closure = InTreeBuildDeps.closure(graph, id);
                      List<Path> depDebs = new ArrayList<>();
                      for (String dep : closure) {
                        depDebs.addAll(filesOf(dep, debsOf, byReference, session));
                      }
                      Path sources = workRoot.resolve("sources").resolve(id);
                      PreparedSource prepared;
                      try {
                        prepared =
                            new SourcePackagePreparer(fetcher)
                                .prepare(recipe, sources, tree.variables());
                      } catch (RuntimeException e) {
                        return new TaskOutcome.Failed(
                            "preparing the source package: " + e.getMessage());
                      }
                      Path log = logs.resolve(id + ".log");
                      synchronized (withLogs) {
                        withLogs.add(id);
                      }
                      long t0 = System.nanoTime();
                      List<String> depPackages = new ArrayList<>();
                      for (String dep : closure) {
                        controls.get(dep).binaries().forEach(b -> depPackages.add(b.name()));
                      }
                      if (worker.remote()) {
                        synchronized (session) {
                          if (snapshotStale.getAndSet(false)) {
                            published.set(session.snapshot());
                          }
                        }
                      }
                      PackageWorker.Result result =
                          worker.build(
                              new PackageBuildRequest(
                                  id,
                                  prepared.dsc(),
                                  depDebs,
                                  depPackages,
                                  published.get(),
                                  log,
                                  SerialBuild.of(recipe.metaFile())),
                              workerName,
                              signal);
                      if (org.starlingx.stxbuild.engine.exec.LogTail.truncated(log)) {
                        truncatedLogs.add(id);
                        progress.note(id + ": its log reached the size limit and was truncated");
                      }
                      if (!result.where().isEmpty()) {
                        placements.put(TaskAttempt.key(id, attempt), result.where());
                        progress.note(id + ": " + result.where());
                      }
                      if (result.outcome() instanceof TaskOutcome.Built) {
                        List<Path> kept = keep(result.debs());
                        // A pod adds what it built to the session itself: the session tells what
                        // that was, so fresh pods and other users reuse it like a local result.
                        List<BuildHistory.Deb> produced =
                            kept.isEmpty() && worker.remote()
                                ? session.builtFrom(id).stream()
                                    .map(d -> new BuildHistory.Deb(d.file(), d.sha256()))
                                    .toList()
                                : kept.stream()
                                    .map(
                                        d ->
                                            new BuildHistory.Deb(
                                                d.getFileName().toString(),
                                                FileDigests.of(d).sha256()))
                                    .toList();
                        debsOf.put(id, kept);
                        synchronized (session) {
                          session.addPackages(kept);
                          // The next pod that starts takes a snapshot with these packages; none is
                          // made for packages no later build reads.
                          snapshotStale.set(true);
                        }
                        newHistory.put(
                            id,
                            new BuildHistory.Entry(
                                fingerprint,
                                produced,
                                (System.nanoTime() - t0) / 1_000_000,
                                names.session()));
                        if (recordBuilt(shared, id, newHistory.get(id))) {
                          recordedForLine.add(id);
                        }
                      }
                      return result.outcome();
                    } finally {
                      // Built and recorded, failed or aborted: waiting builds go on.
                      shared.release(id, fingerprint);
                    }
                  },
                  abort,
                  r -> progress.packageDone(r, done.incrementAndGet(), tasks.size()));

      Path page = logs.resolve("report.html");
      Map<String, List<String>> tails = new LinkedHashMap<>();
      report.results().stream()
          .filter(r -> r.state() == TaskResult.State.FAILED)
          .limit(MAX_TAILS)
          .forEach(r -> tails.put(r.id(), LogTail.of(logs.resolve(r.id() + ".log"))));
      PackageBuildReport details =
          new PackageBuildReport(
              "Package build " + names.session(),
              report,
              placements,
              reusedFrom,
              java.util.Set.copyOf(withLogs),
              tails,
              truncatedLogs);
      writeReport(page, details);
      if (report.succeeded() && !abort.aborted()) {
        session.publish();
        aptSource = session.complete();
        history.replace(newHistory);
        Map<String, BuildHistory.Entry> toRecord = new LinkedHashMap<>(newHistory);
        toRecord.keySet().removeAll(recordedForLine);
        recordInRepository(shared, toRecord);
        estimates.write(durationsFile);
        progress.note(
            "the session is now the last good build of "
                + names.branch()
                + ": "
                + aptSource.sourcesListLine());
      } else {
        session.abort();
        progress.note(
            "the build did not succeed: its session was removed, the last good build stays");
      }
      if (everyPackageFile && report.succeeded() && !worker.remote()) {
        for (String id : byReference.keySet()) {
          filesOf(id, debsOf, byReference, session);
        }
      }
      Map<String, Path> byPackage = new java.util.TreeMap<>();
      debsOf
          .values()
          .forEach(
              list ->
                  list.forEach(d -> byPackage.put(d.getFileName().toString().split("_")[0], d)));
      return new Outcome(report, Optional.ofNullable(aptSource), logs, page, byPackage, details);
    }
  }

  /**
   * The files of a package for a build that needs them: those it was built or kept as, or, for a
   * package reused by reference, local copies fetched once from the session. Pods take build-deps
   * from the session's apt source and need none.
   */
  private List<Path> filesOf(
      String id,
      Map<String, List<Path>> debsOf,
      Map<String, BuildRecord> byReference,
      RepoSession session) {
    if (worker.remote()) {
      return debsOf.get(id);
    }
    synchronized (byReference) {
      BuildRecord record = byReference.remove(id);
      if (record != null) {
        synchronized (session) {
          debsOf.put(id, localCopies(record, session));
        }
      }
      return debsOf.get(id);
    }
  }

  private List<Path> localCopies(BuildRecord record, RepoSession session) {
    List<Path> copies = new ArrayList<>();
    for (BuildRecord.Deb deb : record.debs()) {
      Path dir = workRoot.resolve("debs").resolve(deb.sha256());
      Path kept = dir.resolve(deb.file());
      if (Files.isRegularFile(kept)) {
        copies.add(kept);
        continue;
      }
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create " + dir, e);
      }
      copies.add(session.fetch(deb, dir));
    }
    return copies;
  }

  /**
   * Records one package as soon as it is in the session, so concurrent builds waiting for it take
   * it; its files are in the repository already, so the record never points at a half-added state.
   */
  private boolean recordBuilt(RepositoryReuse shared, String id, BuildHistory.Entry entry) {
    return recordInRepository(shared, Map.of(id, entry));
  }

  /**
   * Records the good build's packages in the repository, where fresh pods and others find them.
   * False when the repository could not be told.
   */
  private boolean recordInRepository(
      RepositoryReuse shared, Map<String, BuildHistory.Entry> packages) {
    if (packages.isEmpty()) {
      return true;
    }
    List<RepositoryReuse.Built> built = new ArrayList<>();
    packages.forEach(
        (id, entry) ->
            built.add(
                new RepositoryReuse.Built(
                    id,
                    entry.fingerprint(),
                    entry.debs().stream()
                        .map(d -> new BuildRecord.Deb(d.file(), d.sha256()))
                        .toList())));
    try {
      shared.record(built);
      return true;
    } catch (RuntimeException e) {
      // The build is good and is the line's last good build; only later reuse misses these.
      progress.note("could not record the build's packages for reuse: " + e.getMessage());
      return false;
    }
  }

  /** The last good build's outputs, if its inputs were the same and its files are still here. */
  private Optional<List<Path>> reusable(BuildHistory history, String id, String fingerprint) {
    Optional<BuildHistory.Entry> last = history.lastGood(id);
    if (last.isEmpty() || !last.get().fingerprint().equals(fingerprint)) {
      return Optional.empty();
    }
    return reusableFiles(last.get());
  }

  /** The files of a last good build's entry, if they are all still here. */
  private Optional<List<Path>> reusableFiles(BuildHistory.Entry entry) {
    List<Path> debs = new ArrayList<>();
    for (BuildHistory.Deb deb : entry.debs()) {
      Path kept = workRoot.resolve("debs").resolve(deb.sha256()).resolve(deb.file());
      if (!Files.isRegularFile(kept)) {
        return Optional.empty();
      }
      debs.add(kept);
    }
    return Optional.of(debs);
  }

  /** Keeps produced packages by sha256, where reuse and dependents' builds find them. */
  private List<Path> keep(List<Path> debs) {
    List<Path> kept = new ArrayList<>();
    try {
      for (Path deb : debs) {
        Path target =
            workRoot
                .resolve("debs")
                .resolve(FileDigests.of(deb).sha256())
                .resolve(deb.getFileName().toString());
        if (!Files.exists(target)) {
          Files.createDirectories(target.getParent());
          Files.copy(deb, target, StandardCopyOption.REPLACE_EXISTING);
        }
        kept.add(target);
      }
      return kept;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep built packages in " + workRoot, e);
    }
  }

  /**
   * The report beside the package logs it links, and its summary and location for whoever shows it
   * ({@code stx-build logs} publishes both with the logs).
   */
  private static void writeReport(Path page, PackageBuildReport details) {
    try {
      Files.createDirectories(page.getParent());
      Files.writeString(page, BuildReportPage.render(details), StandardCharsets.UTF_8);
      new ReportLink(
              BuildReportPage.summary(details.schedule()),
              page.toUri().toString(),
              details.schedule().succeeded())
          .write(page.resolveSibling(ReportLink.FILE));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the build report " + page, e);
    }
  }

  private String buildTypeOf(PackageRecipe recipe, BuildSettings settings) {
    for (String type : settings.buildTypes()) {
      if (tree.recipes(settings.dist(), type).stream()
          .anyMatch(r -> r.dir().equals(recipe.dir()))) {
        return type;
      }
    }
    return settings.buildTypes().get(0);
  }

  private DebControl control(PackageRecipe recipe) {
    boolean inTreeControl =
        recipe.kind() != org.starlingx.stxbuild.engine.source.RecipeKind.UPSTREAM_DSC
            && recipe.debFolder() != null
            && Files.isRegularFile(recipe.debFolder().resolve("control"));
    if (inTreeControl) {
      return DebControl.read(recipe.debFolder().resolve("control"));
    }
    DebControl known = preparedControls.get(recipe.dir());
    if (known != null) {
      return known;
    }
    DebControl read = preparedControl(recipe);
    preparedControls.put(recipe.dir(), read);
    return read;
  }

  private DebControl preparedControl(PackageRecipe recipe) {
    if (recipe.kind() == org.starlingx.stxbuild.engine.source.RecipeKind.UPSTREAM_DSC) {
      // The upstream .dsc names the build-deps and binaries; deb_patches rarely change them.
      return DebControl.fromDsc(
          new SourcePackagePreparer(fetcher)
              .fetchUpstreamDsc(
                  recipe,
                  workRoot.resolve("upstream").resolve(recipe.relativeDir().replace('/', '_'))));
    }
    // The packaging comes with the download (a tarball carrying debian/, a hook): prepare the
    // source package to read it.
    return DebControl.fromDsc(
        new SourcePackagePreparer(fetcher)
            .prepare(
                recipe,
                workRoot.resolve("upstream").resolve(recipe.relativeDir().replace('/', '_')),
                tree.variables())
            .dsc());
  }

  private String sourceName(PackageRecipe recipe) {
    if (recipe.meta().debname() != null) {
      return recipe.meta().debname();
    }
    try {
      return control(recipe).source();
    } catch (RuntimeException e) {
      // The packaging, and so the real name, comes with a download that failed: the package goes by
      // its directory's name (as StarlingX names an archive recipe without debname) and the build
      // reports the failure when the package's turn comes.
      return Path.of(recipe.relativeDir()).getFileName().toString();
    }
  }
}
