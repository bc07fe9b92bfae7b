package org.starlingx.stxbuild.engine.packagebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.starlingx.stxbuild.engine.chroot.BuildPhases;
import org.starlingx.stxbuild.engine.chroot.BuildTimings;
import org.starlingx.stxbuild.engine.chroot.ChrootBuildOptions;
import org.starlingx.stxbuild.engine.chroot.ChrootCache;
import org.starlingx.stxbuild.engine.chroot.TreeSeed;
import org.starlingx.stxbuild.engine.exec.CommandRunner;
import org.starlingx.stxbuild.engine.repo.SessionNames;
import org.starlingx.stxbuild.engine.repo.local.LocalPackageRepository;
import org.starlingx.stxbuild.engine.schedule.AbortSignal;
import org.starlingx.stxbuild.engine.schedule.TaskResult;
import org.starlingx.stxbuild.engine.source.LocalMirrorFetcher;
import org.starlingx.stxbuild.engine.source.RecipeKind;
import org.starlingx.stxbuild.engine.source.StxSourceTree;
import org.starlingx.stxbuild.engine.workers.ChrootPackageWorker;
import org.starlingx.stxbuild.engine.workers.PackageWorker;

/**
 * Opt-in ({@code -Dstx.corpus.build=bullseye,trixie}; CI does not pass it): every package of
 * StarlingX's fault, update and utilities repositories and the in-tree packages of integ, from the
 * corpus, built in isolation in chroots of each codename, in-tree build-deps taken from the build's
 * session (fault's fm-common for fm-mgr...). Packages the tree reader refuses are listed with its
 * reason. Also the benchmark: per package overhead = (wall - time inside dpkg-buildpackage) / time
 * inside dpkg-buildpackage, median and p90, and the cold/warm chroot preparation times. Writes a
 * Markdown table per codename to {@code target/corpus-build/<codename>.md}.
 *
 * <p>{@code -Dstx.corpus.dir} (default {@code /work/shared/starlingx-corpus}), {@code
 * -Dstx.corpus.repos} (default {@code fault,update,utilities,integ}), {@code -Dstx.corpus.work}
 * (default {@code target/corpus-build}), {@code -Dstx.corpus.coldChroot=true} to time a cold
 * chroot.
 */
@EnabledIfSystemProperty(named = "stx.corpus.build", matches = ".+")
class CorpusChrootBuildIT {
  private static final List<String> IN_TREE_ONLY = List.of("integ");

  /** {@code -Dstx.corpus.only=dir,dir}: only these package directories (e.g. to measure a few). */
  private static final List<String> ONLY =
      java.util.Arrays.stream(System.getProperty("stx.corpus.only", "").split(","))
          .map(String::strip)
          .filter(d -> !d.isEmpty())
          .toList();

  record Row(String repo, String dir, String pkg, String outcome, String reason) {}

  @Test
  void corpusPackagesBuildInIsolationPerCodename() throws Exception {
    Path corpus = Path.of(System.getProperty("stx.corpus.dir", "/work/shared/starlingx-corpus"));
    Path work =
        Path.of(System.getProperty("stx.corpus.work", "target/corpus-build")).toAbsolutePath();
    List<String> repos =
        List.of(System.getProperty("stx.corpus.repos", "fault,update,utilities,integ").split(","));
    Path stx = work.resolve("tree/cgcs-root/stx");
    for (String repo : repos) {
      if (!Files.isDirectory(stx.resolve(repo))) {
        Files.createDirectories(stx);
        CommandRunner.run(
            stx, List.of("git", "clone", "-q", corpus.resolve(repo + ".bundle").toString(), repo));
      }
    }
    for (String codename : System.getProperty("stx.corpus.build").split(",")) {
      buildCodename(codename.strip(), stx, repos, work);
    }
  }

  private void buildCodename(String codename, Path stx, List<String> repos, Path work)
      throws Exception {
    ChrootCache cache = new ChrootCache(ChrootCache.defaultRoot(), Duration.ofDays(7));
    ChrootBuildOptions base = ChrootBuildOptions.of(codename);

    // A view of the tree laid out as StarlingX's (<view>/cgcs-root/stx/<repo>, so
    // ${MY_REPO}/stx/...
    // paths of GITREVCOUNT and of hooks resolve) whose package lists hold only what the reader
    // accepts, probed one listed directory at a time: while a repository is probed its list is the
    // only one in the view; every accepted list is written once all are probed.
    Path view = work.resolve("view-" + codename);
    Path viewStx = view.resolve("cgcs-root/stx");
    org.starlingx.stxbuild.engine.files.FileTrees.delete(view);
    Files.createDirectories(viewStx);
    List<Row> rows = new ArrayList<>();
    Map<String, String> dirOfPackage = new LinkedHashMap<>();
    Map<Path, List<String>> acceptedLists = new LinkedHashMap<>();
    for (String repo : repos) {
      Path original = stx.resolve(repo);
      Path repoView = viewStx.resolve(repo);
      // A copy (cp -a keeps .git, which GITREVCOUNT counts), not links: preparing a package whose
      // src_path is "." removes debian/ from its copy, which through a link would be the original.
      CommandRunner.run(viewStx, List.of("cp", "-a", original.toString(), repoView.toString()));
      try (Stream<Path> entries = Files.list(repoView)) {
        for (Path entry : entries.toList()) {
          if (entry.getFileName().toString().matches("debian_(.+_)?pkg_dirs(_.+)?")) {
            Files.delete(entry);
          }
        }
      }
      Path list = repoView.resolve("debian_" + codename + "_pkg_dirs_std");
      List<String> accepted = new ArrayList<>();
      for (String dir : listedDirs(original, codename)) {
        if (!ONLY.isEmpty() && !ONLY.contains(dir)) {
          continue;
        }
        Files.writeString(list, dir + "\n");
        try {
          var read = tree(view).recipes(codename, "std").get(0);
          if (IN_TREE_ONLY.contains(repo) && read.kind() != RecipeKind.IN_TREE) {
            continue;
          }
          PackageBuild probe =
              new PackageBuild(
                  tree(view),
                  null,
                  new LocalMirrorFetcher(work.resolve("mirror"), Map.of()),
                  null,
                  work.resolve("probe"),
                  BuildProgress.SILENT);
          var recipes = probe.recipes(settings(codename));
          String name = recipes.keySet().iterator().next();
          accepted.add(dir);
          dirOfPackage.put(name, repo + "/" + dir);
        } catch (RuntimeException e) {
          rows.add(
              new Row(
                  repo, dir, "", "refused by reader", oneLine(relativeTo(view, e.getMessage()))));
        }
      }
      Files.delete(list);
      acceptedLists.put(list, accepted);
    }
    for (var accepted : acceptedLists.entrySet()) {
      Files.writeString(accepted.getKey(), String.join("\n", accepted.getValue()) + "\n");
    }

    // -Dstx.corpus.seedMin=N: the chroot also holds every Debian build-dep at least N packages of
    // this build need (TreeSeed), as `stx-build build --seed-common-build-deps N` does.
    int seedMin = Integer.getInteger("stx.corpus.seedMin", 0);
    ChrootBuildOptions options = base;
    if (seedMin > 0) {
      var controls =
          new PackageBuild(
                  tree(view),
                  null,
                  new LocalMirrorFetcher(work.resolve("mirror"), Map.of()),
                  null,
                  work.resolve("probe"),
                  BuildProgress.SILENT)
              .controls(settings(codename))
              .values();
      options = base.withChroot(TreeSeed.seeded(cache, base.chroot(), controls, seedMin));
    }
    long coldStart = System.nanoTime();
    ChrootCache.Prepared first =
        cache.prepare(options.chroot(), Boolean.getBoolean("stx.corpus.coldChroot"));
    double firstSeconds = (System.nanoTime() - coldStart) / 1e9;
    ChrootCache.Prepared warm = cache.prepare(options.chroot(), false);
    List<String> seedAdded =
        options.chroot().seedPackages().stream()
            .filter(p -> !base.chroot().seedPackages().contains(p))
            .toList();

    Map<String, Long> wallMillis = new ConcurrentHashMap<>();
    ChrootPackageWorker chroot =
        new ChrootPackageWorker(work.resolve("builds-" + codename), cache, options);
    PackageWorker timed =
        (request, worker, abort) -> {
          long t0 = System.nanoTime();
          PackageWorker.Result result = chroot.build(request, worker, abort);
          wallMillis.put(request.name(), (System.nanoTime() - t0) / 1_000_000);
          return result;
        };
    PackageBuild build =
        new PackageBuild(
            tree(view),
            new LocalPackageRepository(work.resolve("repo-" + codename), List.of("amd64"), null),
            new LocalMirrorFetcher(work.resolve("mirror"), Map.of()),
            timed,
            work.resolve("work-" + codename),
            BuildProgress.SILENT);
    PackageBuild.Outcome outcome =
        build.run(
            new SessionNames(
                "corpus-" + codename,
                "corpus-" + codename + "-" + System.nanoTime() % 100000,
                Map.of()),
            settings(codename),
            new AbortSignal());

    List<Double> overheads = new ArrayList<>();
    Map<String, List<Double>> phases = new LinkedHashMap<>();
    for (TaskResult result : outcome.report().results()) {
      String where = dirOfPackage.getOrDefault(result.id(), "?/?");
      Path log = outcome.logs().resolve(result.id() + ".log");
      String reason = result.reason();
      if (result.state() == TaskResult.State.BUILT && Files.exists(log)) {
        var inside = BuildTimings.dpkgBuildpackageSeconds(log);
        Long wall = wallMillis.get(result.id());
        if (inside.isPresent() && wall != null && inside.get() > 0) {
          double overhead = (wall / 1000.0 - inside.get()) / inside.get();
          overheads.add(overhead);
          BuildPhases.durations(log)
              .forEach(
                  (phase, seconds) ->
                      phases.computeIfAbsent(phase, k -> new ArrayList<>()).add(seconds));
          phases.computeIfAbsent("(wall, worker)", k -> new ArrayList<>()).add(wall / 1000.0);
          reason =
              String.format(
                  "wall %.1f s, dpkg-buildpackage %.1f s, overhead %.2f",
                  wall / 1000.0, inside.get(), overhead);
        }
      } else if (result.state() == TaskResult.State.FAILED && Files.exists(log)) {
        reason = oneLine(reason) + " — " + FailureReason.of(log);
      }
      rows.add(
          new Row(
              where.substring(0, where.indexOf('/')),
              where.substring(where.indexOf('/') + 1),
              result.id(),
              result.state().name().toLowerCase(),
              oneLine(relativeTo(view, reason))));
    }
    StringBuilder md = new StringBuilder();
    md.append("## ").append(codename).append("\n\n");
    md.append(
        String.format(
            "Chroot %s: first preparation %.1f s (%s), warm %.3f s.%n%n",
            options.chroot().name(),
            firstSeconds,
            first.created() ? "made" : "cached",
            warm.took().toMillis() / 1000.0));
    if (seedMin > 0) {
      md.append(
          String.format(
              "Seeded besides StarlingX's set with the %d build-deps at least %d packages need: %s%n%n",
              seedAdded.size(), seedMin, String.join(" ", seedAdded)));
    }
    md.append(
        String.format(
            "Overhead (built packages, n=%d): %s%n%n", overheads.size(), stats(overheads)));
    md.append(phaseTable(phases));
    md.append(
        "| repo | package dir | source package | outcome | details |\n|---|---|---|---|---|\n");
    rows.stream()
        .sorted(java.util.Comparator.comparing(Row::repo).thenComparing(Row::dir))
        .forEach(
            r ->
                md.append("| ")
                    .append(r.repo())
                    .append(" | ")
                    .append(r.dir())
                    .append(" | ")
                    .append(r.pkg())
                    .append(" | ")
                    .append(r.outcome())
                    .append(" | ")
                    .append(r.reason().replace("|", "\\|"))
                    .append(" |\n"));
    Path table = work.resolve(codename + ".md");
    Files.writeString(table, md.toString(), StandardCharsets.UTF_8);
    System.out.println(md);
    assertThat(outcome.report().results()).isNotEmpty();
  }

  /**
   * The view read as {@code stx-build} reads a tree: its root holds cgcs-root; no host variables.
   */
  private static StxSourceTree tree(Path view) {
    return StxSourceTree.open(view, Map.of());
  }

  /** A message with the work directory's absolute prefix taken off (the table stays readable). */
  private static String relativeTo(Path view, String message) {
    return message == null ? "" : message.replace(view.getParent().toString() + "/", "");
  }

  private static BuildSettings settings(String codename) {
    return new BuildSettings(codename, List.of("std"), "amd64", 2, 0, false);
  }

  static String stats(List<Double> values) {
    if (values.isEmpty()) {
      return "none";
    }
    List<Double> sorted = values.stream().sorted().toList();
    double median = sorted.get(sorted.size() / 2);
    double p90 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.9) - 1));
    return String.format("median %.2f, p90 %.2f (goal: median below 0.25)", median, p90);
  }

  /** Median and total seconds per step of the built packages' builds. */
  static String phaseTable(Map<String, List<Double>> phases) {
    StringBuilder md = new StringBuilder("| step | median s | total s |\n|---|---|---|\n");
    phases.forEach(
        (phase, values) -> {
          List<Double> sorted = values.stream().sorted().toList();
          md.append(
              String.format(
                  "| %s | %.2f | %.1f |%n",
                  phase,
                  sorted.get(sorted.size() / 2),
                  values.stream().mapToDouble(Double::doubleValue).sum()));
        });
    return md.append("\n").toString();
  }

  private static List<String> listedDirs(Path repo, String codename) throws IOException {
    for (String name : List.of("debian_" + codename + "_pkg_dirs_std", "debian_pkg_dirs")) {
      Path list = repo.resolve(name);
      if (Files.isRegularFile(list)) {
        if (name.equals("debian_pkg_dirs") && !codename.equals("bullseye")) {
          continue;
        }
        return Files.readAllLines(list).stream()
            .map(l -> l.replaceAll("#.*", "").strip())
            .filter(l -> !l.isEmpty())
            .toList();
      }
    }
    return List.of();
  }

  private static String oneLine(String text) {
    String line = text == null ? "" : text.replaceAll("\\s+", " ").strip();
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }
}
