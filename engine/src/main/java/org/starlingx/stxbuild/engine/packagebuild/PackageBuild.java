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
  private java.util.Set<String> selection = java.util.Set.of();

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

  private Outcome runLocked(SessionNames names, BuildSettings settings, AbortSignal abort)
      throws InterruptedException {
    Map<String, PackageRecipe> recipes = recipes(settings);
    Map<String, DebControl> controls = new LinkedHashMap<>();
    recipes.forEach((name, recipe) -> controls.put(name, control(recipe)));
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
                    // Every in-tree package reachable through build-deps: an installed build-dep
                    // may itself depend on another in-tree package.
                    List<String> closure = InTreeBuildDeps.closure(graph, id);
                    List<Path> depDebs = new ArrayList<>();
                    for (String dep : closure) {
                      depDebs.addAll(debsOf.get(dep));
                    }
                    String type = buildTypeOf(recipe, settings);
                    String fingerprint =
                        InputFingerprint.of(recipe, settings.dist(), type, depFingerprints);
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
                      debsOf.put(id, kept);
                      synchronized (session) {
                        session.addPackages(kept);
                        if (worker.remote()) {
                          published.set(session.snapshot());
                        }
                      }
                      newHistory.put(
                          id,
                          new BuildHistory.Entry(
                              fingerprint,
                              kept.stream()
                                  .map(
                                      d ->
                                          new BuildHistory.Deb(
                                              d.getFileName().toString(),
                                              FileDigests.of(d).sha256()))
                                  .toList(),
                              (System.nanoTime() - t0) / 1_000_000,
                              names.session()));
                    }
                    return result.outcome();
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
      Map<String, Path> byPackage = new java.util.TreeMap<>();
      debsOf
          .values()
          .forEach(
              list ->
                  list.forEach(d -> byPackage.put(d.getFileName().toString().split("_")[0], d)));
      return new Outcome(report, Optional.ofNullable(aptSource), logs, page, byPackage, details);
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
    if (recipe.kind() == org.starlingx.stxbuild.engine.source.RecipeKind.UPSTREAM_DSC) {
      // The upstream .dsc names the build-deps and binaries; deb_patches rarely change them.
      return DebControl.fromDsc(
          new SourcePackagePreparer(fetcher)
              .fetchUpstreamDsc(
                  recipe,
                  workRoot.resolve("upstream").resolve(recipe.relativeDir().replace('/', '_'))));
    }
    if (recipe.debFolder() == null || !Files.isRegularFile(recipe.debFolder().resolve("control"))) {
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
    return DebControl.read(recipe.debFolder().resolve("control"));
  }

  private String sourceName(PackageRecipe recipe) {
    return recipe.meta().debname() != null ? recipe.meta().debname() : control(recipe).source();
  }
}
