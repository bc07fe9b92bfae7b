package org.starlingx.stxbuild.engine.daily;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.starlingx.stxbuild.engine.change.ChangeDecision;
import org.starlingx.stxbuild.engine.change.ChangeDetector;
import org.starlingx.stxbuild.engine.change.TreeFingerprint;
import org.starlingx.stxbuild.engine.chroot.ChrootBuildOptions;
import org.starlingx.stxbuild.engine.chroot.ChrootCache;
import org.starlingx.stxbuild.engine.helm.HelmApplicationBuilder;
import org.starlingx.stxbuild.engine.images.BuildahImageBuilder;
import org.starlingx.stxbuild.engine.images.DockerImageList;
import org.starlingx.stxbuild.engine.images.ImageDirective;
import org.starlingx.stxbuild.engine.images.ImageTags;
import org.starlingx.stxbuild.engine.images.LocalImageSet;
import org.starlingx.stxbuild.engine.iso.IsoSigner;
import org.starlingx.stxbuild.engine.iso.LocalIsoBuilder;
import org.starlingx.stxbuild.engine.logs.LocalLogExporter;
import org.starlingx.stxbuild.engine.logs.StepLog;
import org.starlingx.stxbuild.engine.packagebuild.BuildProgress;
import org.starlingx.stxbuild.engine.packagebuild.BuildReportPage;
import org.starlingx.stxbuild.engine.packagebuild.BuildSettings;
import org.starlingx.stxbuild.engine.packagebuild.PackageBuild;
import org.starlingx.stxbuild.engine.repo.local.LocalPackageRepository;
import org.starlingx.stxbuild.engine.schedule.AbortSignal;
import org.starlingx.stxbuild.engine.scope.NamingPolicy;
import org.starlingx.stxbuild.engine.scope.ScopeNames;
import org.starlingx.stxbuild.engine.source.DownloadStep;
import org.starlingx.stxbuild.engine.source.LocalMirrorFetcher;
import org.starlingx.stxbuild.engine.source.PackageRecipe;
import org.starlingx.stxbuild.engine.source.StxSourceTree;
import org.starlingx.stxbuild.engine.status.BuildRecord;
import org.starlingx.stxbuild.engine.status.BuildResult;
import org.starlingx.stxbuild.engine.status.LocalBuildStatusStore;
import org.starlingx.stxbuild.engine.wheels.BaseWheels;
import org.starlingx.stxbuild.engine.wheels.WheelSource;
import org.starlingx.stxbuild.engine.wheels.WheelsTarball;
import org.starlingx.stxbuild.engine.workers.ChrootPackageWorker;

/**
 * StarlingX's daily build on the embedded default (local workers, local repository), stage for
 * stage as the old Jenkins pipeline ran it: detect changes (no change, no build, unless forced),
 * download, build packages for each build type (a flaky package is retried alone), publish the
 * packages, the ISO (build, sign, publish), and always record the build status and publish the
 * logs. A dry run prints what each stage would do and writes nothing.
 */
public final class DailyBuild {
  /** The Debian release the sample and the daily sequence build for. */
  private final DailySettings settings;

  private final Consumer<String> out;
  private final BuildProgress packages;

  /** When the stage now running started: a stage's duration runs from the previous one's end. */
  private long stageStarted = System.nanoTime();

  /** The daily report, once the logs are published. */
  private Path report;

  public DailyBuild(DailySettings settings, Consumer<String> out, BuildProgress packages) {
    this.settings = settings;
    this.out = out;
    this.packages = packages;
  }

  /** The daily report the last run published (none after a dry run or an unchanged tree). */
  public java.util.Optional<Path> report() {
    return java.util.Optional.ofNullable(report);
  }

  public List<StageResult> run() throws InterruptedException {
    Instant started = Instant.now();
    stageStarted = System.nanoTime();
    ScopeNames names = new ScopeNames(settings.scope(), NamingPolicy.DEFAULT);
    Path output = settings.output().toAbsolutePath().normalize();
    StxSourceTree tree = StxSourceTree.open(settings.tree());
    String codename =
        org.starlingx.stxbuild.engine.source.StxDistribution.resolve(
            settings.dist(), System.getenv(), settings.tree());
    LocalBuildStatusStore status = new LocalBuildStatusStore(output.resolve("status"));
    List<StageResult> stages = new ArrayList<>();
    Map<String, String> details = new LinkedHashMap<>();
    String fingerprint = TreeFingerprint.of(tree, codename, settings.buildTypes());
    Path logDir = output.resolve("logs").resolve(names.build());
    String mode = settings.dryRun() ? "planned" : "done";

    // create-changelog / NEED_BUILD
    ChangeDecision decision =
        new ChangeDetector(status).decide(names.line(), fingerprint, settings.force());
    stages.add(
        stage("detect-changes", decision.needBuild() ? mode : "no change", decision.reason()));
    if (!decision.needBuild()) {
      if (!settings.dryRun()) {
        status.record(
            new BuildRecord(
                names.line(),
                names.build(),
                BuildResult.UNCHANGED,
                fingerprint,
                started,
                Instant.now(),
                Map.of("reason", decision.reason())));
      }
      stages.add(
          stage(
              "record-build-status",
              settings.dryRun() ? "planned" : "done",
              "unchanged: nothing built"));
      return stages;
    }

    LocalMirrorFetcher fetcher =
        new LocalMirrorFetcher(output.resolve("mirror"), settings.mirrorRewrites());
    // download-prerequisites
    if (settings.dryRun()) {
      var needs = DownloadStep.needs(tree, codename, settings.buildTypes());
      stages.add(
          stage(
              "download",
              "planned",
              needs.size()
                  + " files into "
                  + output.resolve("mirror")
                  + ": "
                  + String.join(", ", needs.stream().map(n -> n.fileName()).toList())));
    } else {
      DownloadStep.Report report =
          new DownloadStep(fetcher).run(tree, codename, settings.buildTypes(), i -> {});
      if (!report.failures().isEmpty()) {
        stages.add(stage("download", "failed", report.failures().get(0).error()));
        return finish(stages, names, status, fingerprint, started, false, details, logDir);
      }
      stages.add(
          stage(
              "download",
              "done",
              report.items().size() + " files, " + report.count("fetched") + " fetched"));
    }

    // build-packages (std, rt) + publish-packages
    BuildSettings build =
        new BuildSettings(
            codename,
            settings.buildTypes(),
            "amd64",
            settings.workers(),
            settings.retries(),
            settings.force());
    LocalPackageRepository repository =
        new LocalPackageRepository(output.resolve("repo"), List.of("amd64"), null);
    PackageBuild packageBuild =
        new PackageBuild(
                tree,
                repository,
                fetcher,
                new ChrootPackageWorker(
                    output.resolve("builds"),
                    new ChrootCache(ChrootCache.defaultRoot(), java.time.Duration.ofDays(7)),
                    ChrootBuildOptions.of(codename)),
                output.resolve("work"),
                packages)
            .withEveryPackageFile();
    Path baseList = BaseWheels.listOf(tree.root(), codename, "stable");
    if (settings.dryRun()) {
      Map<String, PackageRecipe> recipes = packageBuild.recipes(build);
      stages.add(
          stage(
              "build-packages",
              "planned",
              recipes.size()
                  + " packages ("
                  + String.join(",", settings.buildTypes())
                  + ") with "
                  + settings.workers()
                  + " workers: "
                  + String.join(" ", recipes.keySet())));
      stages.add(
          stage(
              "publish-packages",
              "planned",
              "branch " + names.line() + " in " + output.resolve("repo")));
      stages.add(
          stage(
              "build-base-wheels",
              "planned",
              baseList == null ? "no base wheels list" : "base wheels of " + baseList));
      stages.add(
          stage(
              "build-wheels",
              "planned",
              "wheels of " + WheelsTarball.listed(tree) + " into " + output.resolve("wheels")));
      stages.add(
          stage(
              "build-docker-images",
              "planned",
              "images of the tree's debian_stable_docker_images.inc lists FROM a base carrying the"
                  + " build's apt source: "
                  + DockerImageList.read(tree, "debian", codename, "stable", Set.of(), Set.of())
                      .stream()
                      .map(ImageDirective::label)
                      .toList()));
      stages.add(
          stage(
              "build-helm-charts",
              "planned",
              "application tarballs of the built packages that carry usr/lib/fluxcd manifests into "
                  + output.resolve("helm-charts")));
      stages.add(
          stage(
              "build-iso", "planned", "ISO of the published packages in " + output.resolve("iso")));
      stages.add(
          stage(
              "sign-iso",
              "planned",
              settings.isoKeyFile() == null
                  ? "no key given: unsigned"
                  : "key " + settings.isoKeyId()));
      stages.add(stage("record-build-status", "planned", "in " + output.resolve("status")));
      stages.add(stage("publish-logs", "planned", "in " + logDir));
      return stages;
    }
    PackageBuild.Outcome outcome =
        packageBuild.run(names.repositorySession(), build, new AbortSignal());
    details.put("packages", BuildReportPage.summary(outcome.report()));
    details.put("report", outcome.reportPage().toString());
    stages.add(
        stage(
            "build-packages",
            outcome.succeeded() ? "done" : "failed",
            BuildReportPage.summary(outcome.report())));
    if (!outcome.succeeded()) {
      return finish(stages, names, status, fingerprint, started, false, details, logDir);
    }
    String apt = outcome.source().orElseThrow().sourcesListLine();
    details.put("apt", apt);
    stages.add(stage("publish-packages", "done", apt));

    // build-wheels (the images branch of the old pipeline; docker images build in pods,
    // stxBuildImage)
    List<Path> baseWheels = List.of();
    if (baseList == null) {
      stages.add(
          stage(
              "build-base-wheels",
              "skipped",
              "no build-wheels/debian-" + codename + "/stable-wheels.cfg"));
    } else {
      BaseWheels.Result base =
          new BaseWheels(output.resolve("mirror"), settings.mirrorRewrites())
              .build(
                  WheelSource.read(baseList),
                  createDirectories(output.resolve("wheels").resolve(".work")),
                  output.resolve("wheels").resolve("base"));
      baseWheels = base.wheels();
      stages.add(
          stage(
              "build-base-wheels",
              base.notBuilt().isEmpty() ? "done" : "partial",
              base.wheels().size()
                  + " wheels of "
                  + baseList
                  + (base.notBuilt().isEmpty() ? "" : "; not built: " + base.notBuilt())));
    }
    if (WheelsTarball.listed(tree).isEmpty() && baseWheels.isEmpty()) {
      stages.add(stage("build-wheels", "skipped", "no debian_stable_wheels.inc in the tree"));
    } else {
      WheelsTarball.Result wheels =
          WheelsTarball.build(
              tree,
              outcome.debs(),
              baseWheels,
              codename,
              createDirectories(output.resolve("wheels")));
      details.put("wheels", wheels.tarball().toString());
      stages.add(
          stage(
              "build-wheels",
              "done",
              wheels.tarball() + " (" + String.join(", ", wheels.wheels()) + ")"));
    }

    List<String> imageReferences =
        buildImages(
            tree,
            codename,
            names,
            outcome.source().orElseThrow(),
            output.resolve("images"),
            stages);
    stages.add(
        buildHelmCharts(outcome.debs(), imageReferences, output.resolve("helm-charts"), details));

    // build-iso, sign-iso, publish-iso (the images branch of the old pipeline runs beside it
    // on Kubernetes: wheels, docker base and images in kaniko/sysbox pods, helm charts)
    Path iso = output.resolve("iso").resolve(names.build() + ".iso");
    LocalIsoBuilder.build(
        output.resolve("repo"),
        "branch-" + names.line(),
        "STX_" + names.scopeId().toUpperCase(),
        iso);
    details.put("iso", iso.toString());
    stages.add(stage("build-iso", "done", iso + " (" + size(iso) + " bytes)"));
    if (settings.isoKeyFile() != null) {
      Path signature = IsoSigner.sign(iso, settings.isoKeyFile(), settings.isoKeyId());
      stages.add(stage("sign-iso", "done", signature.toString()));
    } else {
      stages.add(stage("sign-iso", "skipped", "no signing key given"));
    }
    return finish(stages, names, status, fingerprint, started, true, details, logDir);
  }

  /**
   * StarlingX's build-docker-base and build-docker-images with buildah on this machine; returns the
   * references of the images built, for the helm charts' manifests.
   */
  private List<String> buildImages(
      StxSourceTree tree,
      String codename,
      ScopeNames names,
      org.starlingx.stxbuild.engine.repo.AptSource apt,
      Path imagesOutput,
      List<StageResult> stages) {
    List<ImageDirective> images =
        DockerImageList.read(tree, "debian", codename, "stable", Set.of(), Set.of());
    if (images.isEmpty()) {
      stages.add(stage("build-docker-base", "skipped", "no debian_stable_docker_images.inc"));
      stages.add(stage("build-docker-images", "skipped", "no debian_stable_docker_images.inc"));
      return List.of();
    }
    if (!BuildahImageBuilder.available()) {
      String why = "buildah is not installed here; images build in pods (stxBuildImage)";
      stages.add(stage("build-docker-base", "skipped", why));
      stages.add(stage("build-docker-images", "skipped", why));
      return List.of();
    }
    ImageTags tags =
        new ImageTags(
            "", "starlingx", names.line(), "debian", "stable", settings.scope().buildId());
    LocalImageSet set =
        new LocalImageSet(new BuildahImageBuilder(imagesOutput.resolve("storage")), tags);
    String base = set.buildBase(createDirectories(imagesOutput.resolve("base-rootfs")), apt);
    stages.add(stage("build-docker-base", "done", base));
    List<LocalImageSet.Outcome> outcomes = set.build(images, base, imagesOutput);
    List<String> built = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (LocalImageSet.Outcome outcome : outcomes) {
      if (outcome.built()) {
        built.add(outcome.reference());
        lines.add(outcome.reference());
      } else {
        lines.add(outcome.label() + " not built: " + outcome.detail());
      }
    }
    stages.add(
        stage(
            "build-docker-images",
            built.size() == outcomes.size() ? "done" : "partial",
            String.join("; ", lines)
                + " (record "
                + imagesOutput.resolve(tags.recordFileName())
                + ")"));
    return built;
  }

  /** StarlingX's build-helm-charts: one application tarball per application package. */
  private StageResult buildHelmCharts(
      Map<String, Path> debs,
      List<String> imageReferences,
      Path helmOutput,
      Map<String, String> details) {
    HelmApplicationBuilder helm = new HelmApplicationBuilder(debs);
    List<String> apps = helm.applicationPackages();
    if (apps.isEmpty()) {
      return stage(
          "build-helm-charts", "skipped", "no built package carries usr/lib/fluxcd manifests");
    }
    createDirectories(helmOutput);
    List<String> tarballs = new ArrayList<>();
    for (String app : apps) {
      tarballs.add(helm.build(app, null, imageReferences, helmOutput).tarball().toString());
    }
    details.put("helm-charts", String.join(" ", tarballs));
    return stage("build-helm-charts", "done", String.join(", ", tarballs));
  }

  /** The "always" stages: record the status, publish the logs, say where the output is. */
  private List<StageResult> finish(
      List<StageResult> stages,
      ScopeNames names,
      LocalBuildStatusStore status,
      String fingerprint,
      Instant started,
      boolean success,
      Map<String, String> details,
      Path logDir) {
    status.record(
        new BuildRecord(
            names.line(),
            names.build(),
            success ? BuildResult.SUCCESS : BuildResult.FAILED,
            fingerprint,
            started,
            Instant.now(),
            details));
    stages.add(
        stage(
            "record-build-status",
            "done",
            (success ? "SUCCESS" : "FAILED") + " for " + names.build()));
    try {
      Files.createDirectories(logDir);
      Path stageLog = logDir.resolve("stages.log");
      List<String> lines =
          stages.stream().map(s -> s.stage() + ": " + s.state() + ": " + s.detail()).toList();
      Files.write(stageLog, lines, StandardCharsets.UTF_8);
      List<StepLog> logs =
          new ArrayList<>(
              List.of(new StepLog("stages.log", stageLog, success ? "success" : "failed")));
      for (StageResult s : stages) {
        Path log = logDir.resolve(stageLogName(s.stage()));
        Files.writeString(
            log,
            s.stage() + ": " + s.state() + " after " + s.millis() + " ms\n" + s.detail() + "\n",
            StandardCharsets.UTF_8);
        logs.add(new StepLog(log.getFileName().toString(), log, s.state()));
      }
      if (details.containsKey("report")) {
        Path reportDir = Path.of(details.get("report")).getParent();
        try (var files = Files.list(reportDir)) {
          for (Path log :
              files.filter(f -> f.getFileName().toString().endsWith(".log")).sorted().toList()) {
            logs.add(new StepLog(log.getFileName().toString(), log, "package"));
          }
        }
      }
      var index =
          new LocalLogExporter(logDir.resolveSibling(names.build() + "-published"))
              .export(names.build(), Map.of(), logs);
      Path published = Path.of(index).getParent();
      Map<String, Map<String, String>> links = new LinkedHashMap<>();
      for (StageResult s : stages) {
        links.put(
            s.stage(),
            new LinkedHashMap<>(Map.of(stageLogName(s.stage()), stageLogName(s.stage()))));
      }
      if (details.containsKey("report")) {
        copyPackageReport(Path.of(details.get("report")), published.resolve("packages"));
        links.get("build-packages").put("packages/report.html", "package build report");
      }
      Path report = published.resolve("report.html");
      stages.add(stage("publish-logs", "done", index + " (report: " + report + ")"));
      links.put("publish-logs", new LinkedHashMap<>(Map.of("index.html", "all logs")));
      stages.add(stage("output", "done", settings.output().toAbsolutePath().toString()));
      Files.writeString(
          report,
          DailyReportPage.render("Daily build " + names.build(), stages, links),
          StandardCharsets.UTF_8);
      this.report = report;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish the logs of " + names.build(), e);
    }
    return stages;
  }

  private StageResult stage(String name, String state, String detail) {
    long now = System.nanoTime();
    StageResult result =
        new StageResult(
            name, state, detail, settings.dryRun() ? 0 : (now - stageStarted) / 1_000_000);
    stageStarted = now;
    out.accept(String.format("%-20s %-10s %s", name, state, detail));
    return result;
  }

  private static String stageLogName(String stage) {
    return "stage-" + stage + ".log";
  }

  /** The package build's report with its logs beside it, as its relative links expect. */
  private static void copyPackageReport(Path report, Path target) throws IOException {
    Files.createDirectories(target);
    Files.copy(report, target.resolve("report.html"), StandardCopyOption.REPLACE_EXISTING);
    try (var files = Files.list(report.getParent())) {
      for (Path log : files.filter(f -> f.toString().endsWith(".log")).toList()) {
        Files.copy(log, target.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private static Path createDirectories(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return -1;
    }
  }
}
