package org.starlingx.stxbuild.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.starlingx.stxbuild.engine.change.ChangeDecision;
import org.starlingx.stxbuild.engine.change.ChangeDetector;
import org.starlingx.stxbuild.engine.change.TreeFingerprint;
import org.starlingx.stxbuild.engine.scope.ScopeNames;
import org.starlingx.stxbuild.engine.status.LocalBuildStatusStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stx-build detect-changes}: the old pipeline's create-changelog / NEED_BUILD stage. */
@Command(
    name = "detect-changes",
    mixinStandardHelpOptions = true,
    description = {
      "Decides whether the line needs a build: its sources (package lists and package directories)"
          + " are fingerprinted and compared with the last good build's. Prints NEED_BUILD=true or"
          + " false, the reason, and STX_SOURCE_FINGERPRINT (for record-status).",
      "Exit 0 either way; 1 only when the check itself failed."
    })
final class DetectChangesCommand implements Callable<Integer> {
  @Mixin TreeOptions tree;
  @Mixin ScopeOptions scope;

  @Option(
      names = "--status",
      defaultValue = "build-output/work/status",
      description = "Build status directory (default: ${DEFAULT-VALUE}).")
  Path status;

  @Option(names = "--force", description = "Always NEED_BUILD=true.")
  boolean force;

  @Option(names = "--output-file", description = "Also write the answer to this file (properties).")
  Path outputFile;

  @Override
  public Integer call() {
    ScopeNames names = scope.names();
    ChangeDecision decision =
        new ChangeDetector(new LocalBuildStatusStore(status))
            .decide(
                names.line(),
                TreeFingerprint.of(tree.open(), tree.codename(), tree.buildTypes),
                force);
    String answer =
        "NEED_BUILD="
            + decision.needBuild()
            + "\n"
            + "REASON="
            + decision.reason()
            + "\n"
            + "STX_SOURCE_FINGERPRINT="
            + decision.fingerprint()
            + "\n";
    System.out.print(answer);
    if (outputFile != null) {
      try {
        Files.writeString(outputFile, answer);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + outputFile, e);
      }
    }
    return 0;
  }
}
