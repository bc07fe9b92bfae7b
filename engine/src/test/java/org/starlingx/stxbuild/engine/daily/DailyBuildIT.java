package org.starlingx.stxbuild.engine.daily;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.exec.CommandRunner;
import org.starlingx.stxbuild.engine.iso.IsoSigner;
import org.starlingx.stxbuild.engine.iso.LocalIsoBuilder;
import org.starlingx.stxbuild.engine.packagebuild.BuildProgress;
import org.starlingx.stxbuild.engine.repo.FileDigests;
import org.starlingx.stxbuild.engine.scope.BuildScope;

/**
 * The daily sequence end to end on the sample tree: a first run builds, publishes and signs the
 * ISO; a second run sees no change and builds nothing; a dry run changes no byte; a forced run
 * rebuilds; a changed package is the only one rebuilt.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DailyBuildIT {
  static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
  @TempDir static Path work;
  static Path key;
  static Path keyring;

  private static List<StageResult> daily(String buildId, boolean force, boolean dryRun)
      throws Exception {
    Path tree = work.resolve("tree");
    if (!Files.exists(tree)) {
      copy(REPOSITORY.resolve("samples/stx-sample-tree"), tree);
    }
    List<String> lines = new ArrayList<>();
    DailyBuild daily =
        new DailyBuild(
            new DailySettings(
                new BuildScope("ci", "starlingx", "master", buildId),
                tree,
                work.resolve("out"),
                List.of("std", "rt"),
                2,
                1,
                force,
                dryRun,
                key,
                "iso-signing@starlingx-build.invalid",
                Map.of(
                    "https://downloads.starlingx-build.invalid/",
                    REPOSITORY.resolve("samples/stx-sample-upstream").toUri().toString())),
            lines::add,
            BuildProgress.SILENT);
    List<StageResult> results = daily.run();
    lastReport = daily.report();
    return results;
  }

  /** The daily report of the last run, as DailyBuild gives it to the CLI (for the build page). */
  private static java.util.Optional<Path> lastReport = java.util.Optional.empty();

  private static Map<String, String> stages(List<StageResult> results) {
    Map<String, String> states = new TreeMap<>();
    results.forEach(r -> states.put(r.stage(), r.state()));
    return states;
  }

  @Test
  @Order(1)
  void theFirstRunBuildsPublishesAndSignsTheIso() throws Exception {
    makeSigningKey();
    List<StageResult> results = daily("1", false, false);
    assertThat(stages(results))
        .containsEntry("detect-changes", "done")
        .containsEntry("download", "done")
        .containsEntry("build-packages", "done")
        .containsEntry("publish-packages", "done")
        .containsEntry("build-iso", "done")
        .containsEntry("sign-iso", "done")
        .containsEntry("record-build-status", "done")
        .containsEntry("publish-logs", "done")
        .containsEntry("build-wheels", "done");
    // the daily report: a row per stage with its duration, linking its log and the package report
    String published =
        results.stream()
            .filter(r -> r.stage().equals("publish-logs"))
            .findFirst()
            .orElseThrow()
            .detail();
    Path dailyReport =
        Path.of(published.substring(published.indexOf("(report: ") + 9, published.length() - 1));
    assertThat(dailyReport)
        .content()
        .contains("<tr><td>build-packages</td><td class=\"done\">done</td>")
        .contains("<a href=\"packages/report.html\">package build report</a>")
        .contains("<a href=\"stage-build-iso.log\">");
    assertThat(dailyReport.resolveSibling("stage-build-iso.log")).exists();
    assertThat(lastReport).contains(dailyReport);
    assertThat(dailyReport.resolveSibling("packages/report.html")).content().contains("10 built");
    // Built in a chroot of the daily's codename (the sample's lists say bullseye), never another.
    assertThat(dailyReport.resolveSibling("packages/stx-hello.log"))
        .content()
        .startsWith("chroot bullseye-");
    assertThat(results)
        .filteredOn(r -> r.stage().equals("build-packages"))
        .singleElement()
        .satisfies(r -> assertThat(r.millis()).isPositive());
    String wheels =
        CommandRunner.run(
                work,
                List.of(
                    "tar",
                    "-tf",
                    work.resolve("out/wheels/stx-bullseye-stable-wheels.tar").toString()))
            .output();
    assertThat(wheels)
        .contains(
            "stx_sample-0.3.1-py3-none-any.whl",
            "stx_sample_pinned-1.0.0-py3-none-any.whl",
            "stx_sample_basewheel-0.1.0-py3-none-any.whl");
    assertThat(stages(results)).containsEntry("build-base-wheels", "done");
    // The sample platform's application, assembled from its -helm package as StarlingX does.
    assertThat(stages(results)).containsEntry("build-helm-charts", "done");
    String app =
        CommandRunner.run(
                work,
                List.of(
                    "tar",
                    "-tzf",
                    work.resolve("out/helm-charts/stx-sample-app-1.0.0.tgz").toString()))
            .output();
    // The sample image, built FROM a base that carries the build's apt source, recorded, and
    // its reference put into the application's manifests.
    assertThat(stages(results))
        .containsEntry("build-docker-base", "done")
        .containsEntry("build-docker-images", "done");
    Path record = work.resolve("out/images/images-debian-stable-versioned.lst");
    String reference = Files.readAllLines(record).get(0);
    assertThat(reference).startsWith("starlingx/stx-sample-tool:").endsWith("-debian-stable-1");
    assertThat(work.resolve("out/images/oci/stx-sample-tool/index.json")).exists();
    String overrides =
        CommandRunner.run(
                work,
                List.of(
                    "tar",
                    "-xzOf",
                    work.resolve("out/helm-charts/stx-sample-app-1.0.0.tgz").toString(),
                    "./fluxcd-manifests/stx-sample-app/stx-sample-app-static-overrides.yaml"))
            .output();
    assertThat(overrides).contains("image: " + reference);
    assertThat(app)
        .contains(
            "./charts/stx-sample-app-0.1.0.tgz",
            "./fluxcd-manifests/stx-sample-app/helmrelease.yaml",
            "./metadata.yaml",
            "./checksum.md5");
    Path iso;
    try (Stream<Path> isos = Files.list(work.resolve("out/iso"))) {
      iso = isos.filter(p -> p.toString().endsWith(".iso")).findFirst().orElseThrow();
    }
    assertThat(LocalIsoBuilder.list(iso)).contains("/MANIFEST").anyMatch(f -> f.endsWith(".deb"));
    Path signature = iso.resolveSibling(iso.getFileName() + ".asc");
    assertThat(IsoSigner.verify(iso, signature, keyring)).isTrue();
    Files.write(iso, new byte[] {1}, java.nio.file.StandardOpenOption.APPEND);
    assertThat(IsoSigner.verify(iso, signature, keyring)).as("an altered ISO fails").isFalse();
  }

  @Test
  @Order(2)
  void aSecondRunSeesNoChangeAndBuildsNothing() throws Exception {
    Map<String, String> states = stages(daily("2", false, false));
    assertThat(states)
        .containsEntry("detect-changes", "no change")
        .doesNotContainKey("build-packages");
  }

  @Test
  @Order(3)
  void aDryRunChangesNoByte() throws Exception {
    Path rules = work.resolve("tree/utilities/docs/stx-sample-docs/debian/deb_folder/rules");
    Files.writeString(rules, Files.readString(rules) + "# a change the dry run must not build\n");
    Map<String, String> before = snapshot(work.resolve("out"));
    List<StageResult> results = daily("3", false, true);
    assertThat(stages(results))
        .containsEntry("build-packages", "planned")
        .containsEntry("build-iso", "planned");
    assertThat(snapshot(work.resolve("out"))).isEqualTo(before);
  }

  @Test
  @Order(4)
  void aChangedPackageIsTheOnlyOneRebuilt() throws Exception {
    List<StageResult> results = daily("4", false, false);
    assertThat(results)
        .filteredOn(r -> r.stage().equals("build-packages"))
        .singleElement()
        .satisfies(r -> assertThat(r.detail()).startsWith("1 built, 9 reused"));
  }

  @Test
  @Order(5)
  void aForcedRunRebuildsEverything() throws Exception {
    List<StageResult> results = daily("5", true, false);
    assertThat(results)
        .filteredOn(r -> r.stage().equals("detect-changes"))
        .singleElement()
        .satisfies(r -> assertThat(r.detail()).isEqualTo("forced"));
    assertThat(results)
        .filteredOn(r -> r.stage().equals("build-packages"))
        .singleElement()
        .satisfies(r -> assertThat(r.detail()).startsWith("10 built, 0 reused"));
  }

  /** Every file under {@code dir} with its sha256. */
  static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.toList()) {
        files.put(
            dir.relativize(p).toString(),
            Files.isRegularFile(p) ? FileDigests.of(p).sha256() : "dir");
      }
    }
    return files;
  }

  private static void makeSigningKey() throws IOException {
    Path home = Files.createDirectories(work.resolve("gnupg"));
    Files.setPosixFilePermissions(
        home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    CommandRunner.run(
        work,
        List.of(
            "gpg",
            "--batch",
            "--homedir",
            home.toString(),
            "--passphrase",
            "",
            "--quick-generate-key",
            "iso-signing@starlingx-build.invalid",
            "rsa2048",
            "sign",
            "never"));
    key = work.resolve("iso-key.asc");
    CommandRunner.run(
        work,
        List.of(
            "gpg",
            "--batch",
            "--homedir",
            home.toString(),
            "--armor",
            "--output",
            key.toString(),
            "--export-secret-keys",
            "iso-signing@starlingx-build.invalid"));
    keyring = work.resolve("iso-keyring.gpg");
    CommandRunner.run(
        work,
        List.of(
            "gpg",
            "--batch",
            "--homedir",
            home.toString(),
            "--output",
            keyring.toString(),
            "--export",
            "iso-signing@starlingx-build.invalid"));
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : walk.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
