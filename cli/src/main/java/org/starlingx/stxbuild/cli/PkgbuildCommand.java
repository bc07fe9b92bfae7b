package org.starlingx.stxbuild.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.starlingx.stxbuild.engine.repo.pulp.PulpClient;
import org.starlingx.stxbuild.engine.repo.pulp.PulpConnection;
import org.starlingx.stxbuild.engine.repo.pulp.PulpPackageRepository;
import org.starlingx.stxbuild.engine.schedule.AbortSignal;
import org.starlingx.stxbuild.engine.schedule.GracefulStop;
import org.starlingx.stxbuild.engine.schedule.TaskOutcome;
import org.starlingx.stxbuild.engine.workers.PodPackageBuild;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stx-build pkgbuild}: what a pkgbuilder pod runs; everything comes from its environment.
 */
@Command(
    name = "pkgbuild",
    mixinStandardHelpOptions = true,
    description = {
      "Builds one Debian package inside a pkgbuilder pod: fetches STX_SOURCE_URL (checked against"
          + " its .dsc), takes STX_BUILD_DEPS from STX_APT_SOURCE, builds, and adds the packages to"
          + " the session STX_REPO_SESSION in Pulp (STX_PULP_URL, STX_PULP_CONTENT_URL, STX_PULP_USER,"
          + " STX_PULP_PASSWORD).",
      "Exit 0 when built, 1 when the build failed."
    })
final class PkgbuildCommand implements Callable<Integer> {
  @Option(
      names = "--work",
      defaultValue = "/workspace",
      description = "Work directory (default: ${DEFAULT-VALUE}).")
  Path work;

  @Override
  public Integer call() throws Exception {
    var env = System.getenv();
    PodPackageBuild build = PodPackageBuild.fromEnvironment(env);
    String password = env.get("STX_PULP_PASSWORD");
    if (password == null || password.isEmpty()) {
      throw new IllegalArgumentException(
          "STX_PULP_PASSWORD is not set; the pod must get it from its Secret");
    }
    PulpClient pulp =
        new PulpClient(
            new PulpConnection(
                URI.create(env.get("STX_PULP_URL")),
                URI.create(env.get("STX_PULP_CONTENT_URL")),
                env.getOrDefault("STX_PULP_USER", "admin"),
                password));
    AbortSignal abort = new AbortSignal();
    TaskOutcome outcome;
    // Deleting the pod sends SIGTERM: its build's processes are stopped within the grace period.
    try (GracefulStop stop = GracefulStop.install(abort, java.time.Duration.ofSeconds(25), null)) {
      outcome = build.run(new PulpPackageRepository(pulp, null), work, abort);
    }
    System.out.println("pkgbuild: " + outcome);
    // What this pod sent: the figure that shows reuse through the shared repository from outside.
    System.out.println(
        "pkgbuild: sent "
            + pulp.artifacts().uploadedBytes()
            + " bytes to Pulp, "
            + pulp.artifacts().reusedBytes()
            + " bytes not sent (Pulp had them)");
    return outcome instanceof TaskOutcome.Built ? 0 : 1;
  }
}
