package org.starlingx.stxbuild.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import org.starlingx.stxbuild.engine.scope.ScopeNames;
import org.starlingx.stxbuild.engine.status.BuildRecord;
import org.starlingx.stxbuild.engine.status.BuildResult;
import org.starlingx.stxbuild.engine.status.LocalBuildStatusStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stx-build record-status}: the old pipeline's record-build-status stage. */
@Command(
    name = "record-status",
    mixinStandardHelpOptions = true,
    description = {
      "Records how a build ended (success, failed, aborted, unchanged) for its line, where later"
          + " builds (detect-changes), retention and people read it. A record is never overwritten.",
      "Exit 0 when recorded, 1 when the build was already recorded or the input is wrong."
    })
final class RecordStatusCommand implements Callable<Integer> {
  @Mixin ScopeOptions scope;

  @Option(
      names = "--status",
      defaultValue = "build-output/work/status",
      description = "Build status directory (default: ${DEFAULT-VALUE}).")
  Path status;

  @Option(
      names = "--result",
      required = true,
      description = "success, failed, aborted or unchanged.")
  String result;

  @Option(
      names = "--fingerprint",
      defaultValue = "",
      description = "STX_SOURCE_FINGERPRINT from detect-changes.")
  String fingerprint;

  @Option(names = "--started", description = "When the build started (ISO-8601; default: now).")
  Instant started;

  @Override
  public Integer call() {
    BuildResult outcome;
    try {
      outcome = BuildResult.valueOf(result.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--result '" + result + "' is unknown; expected success, failed, aborted or unchanged");
    }
    ScopeNames names = scope.names();
    Instant now = Instant.now();
    new LocalBuildStatusStore(status)
        .record(
            new BuildRecord(
                names.line(),
                names.build(),
                outcome,
                fingerprint,
                started == null ? now : started,
                now,
                Map.of()));
    System.out.println(
        "recorded " + outcome + " for " + names.build() + " in " + status.toAbsolutePath());
    return 0;
  }
}
