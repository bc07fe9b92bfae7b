package org.starlingx.stxbuild.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.starlingx.stxbuild.engine.daily.DailyBuild;
import org.starlingx.stxbuild.engine.daily.DailyReportPage;
import org.starlingx.stxbuild.engine.daily.DailySettings;
import org.starlingx.stxbuild.engine.daily.StageResult;
import org.starlingx.stxbuild.engine.packagebuild.ReportLink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stx-build daily}: the whole daily sequence on this machine. */
@Command(
    name = "daily",
    mixinStandardHelpOptions = true,
    description = {
      "Runs StarlingX's daily build stage by stage on this machine: detect changes (nothing changed:"
          + " nothing built, unless --force), download, build packages per build type, publish"
          + " packages, build and sign the ISO, record the build status, publish the logs.",
      "--dry-run prints what each stage would do and changes nothing. Exit 0 when the build"
          + " succeeded or nothing changed, 1 when a stage failed."
    })
final class DailyCommand implements Callable<Integer> {
  @Mixin ScopeOptions scope;

  @Option(names = "--tree", required = true, description = "The StarlingX source tree.")
  Path tree;

  @Option(
      names = "--output",
      defaultValue = "build-output/daily",
      description = "Output directory (default: ${DEFAULT-VALUE}).")
  Path output;

  @Option(
      names = "--build-types",
      split = ",",
      defaultValue = "std,rt",
      description = "Build types (default: ${DEFAULT-VALUE}).")
  List<String> buildTypes;

  @Option(
      names = "--workers",
      defaultValue = "2",
      description = "Packages built at once (default: ${DEFAULT-VALUE}).")
  int workers;

  @Option(
      names = "--retries",
      defaultValue = "1",
      description = "Retries of a failed package alone (default: ${DEFAULT-VALUE}).")
  int retries;

  @Option(
      names = "--force",
      description = "Build even when nothing changed, and rebuild every package.")
  boolean force;

  @Option(
      names = "--dist",
      description =
          "Distribution StarlingX builds: bullseye or trixie (default: $DIST, else the tree's own"
              + " lists, else bullseye).")
  String dist;

  @Option(names = "--dry-run", description = "Print what each stage would do; change nothing.")
  boolean dryRun;

  @Option(
      names = "--iso-key-file",
      description =
          "Secret key file to sign the ISO with (default: the key in $STX_ISO_SIGNING_KEY).")
  Path isoKeyFile;

  @Option(names = "--iso-key-id", description = "Id of the ISO signing key.")
  String isoKeyId;

  @Option(
      names = "--mirror-rewrite",
      description = "FROM=TO: fetch downloads under FROM from TO (repeatable).")
  Map<String, String> rewrites = new LinkedHashMap<>();

  @Override
  public Integer call() throws Exception {
    try (EnvironmentSecretFile keyFromJenkins = EnvironmentSecretFile.of(IsoCommand.SIGNING_KEY)) {
      return run(isoKeyFile != null ? isoKeyFile : keyFromJenkins.path());
    }
  }

  private int run(Path isoKey) throws Exception {
    if (isoKey != null && isoKeyId == null) {
      throw new IllegalArgumentException("an ISO signing key needs --iso-key-id");
    }
    DailySettings settings =
        new DailySettings(
            scope.names().scope(),
            tree,
            output,
            buildTypes,
            workers,
            retries,
            force,
            dryRun,
            isoKey,
            isoKeyId,
            rewrites,
            dist);
    String codename =
        org.starlingx.stxbuild.engine.source.StxDistribution.resolve(dist, System.getenv(), tree);
    var reading =
        org.starlingx.stxbuild.engine.source.StxSourceTree.open(tree).read(codename, buildTypes);
    reading.refused().forEach(r -> System.err.println("refused: " + r.message()));
    if (!reading.refused().isEmpty()) {
      System.err.println(reading.refused().size() + " list entries refused for " + codename);
      return 1;
    }
    DailyBuild daily =
        new DailyBuild(settings, System.out::println, new ConsoleBuildProgress(System.out));
    List<StageResult> stages = daily.run();
    boolean failed = stages.stream().anyMatch(s -> s.state().equals("failed"));
    daily
        .report()
        .ifPresent(
            report ->
                new ReportLink(DailyReportPage.summary(stages), report.toUri().toString(), !failed)
                    .writeIfAsked());
    return failed ? 1 : 0;
  }
}
