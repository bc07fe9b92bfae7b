package org.starlingx.build.engine.demo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.starlingx.build.engine.deb.BinaryPackageSpec;
import org.starlingx.build.engine.deb.DebArchiveBuilder;
import org.starlingx.build.engine.exec.CommandRunner;

/**
 * The main job on the embedded default: no cluster, no Pulp, everything in one output directory.
 * For now it checks the Debian tools and builds a sample package; later issues grow it into a build
 * of the sample StarlingX tree into the local repository.
 */
public final class DemoJob {

  /** What the demo left behind. */
  public record Outcome(Path outputDir, List<Path> packages) {}

  private static final int STEPS = 3;

  private final Path outputDir;
  private final ProgressListener progress;

  public DemoJob(Path outputDir, ProgressListener progress) {
    this.outputDir = outputDir.toAbsolutePath().normalize();
    this.progress = progress;
  }

  public Outcome run() throws java.io.IOException {
    progress.stepStarted(1, STEPS, "Prepare the output directory " + outputDir);
    Files.createDirectories(outputDir);
    progress.stepDone("ready");

    progress.stepStarted(2, STEPS, "Check Debian's build tools");
    String dpkgVersion =
        CommandRunner.run(outputDir, List.of("dpkg-deb", "--version"))
            .output()
            .lines()
            .findFirst()
            .orElse("dpkg-deb");
    progress.stepDone(dpkgVersion);

    progress.stepStarted(3, STEPS, "Build the sample package with dpkg-deb");
    BinaryPackageSpec sample =
        new BinaryPackageSpec(
            "stx-demo-hello",
            "1.0-1",
            "all",
            "starlingx-build demo package",
            Map.of(
                "/usr/share/stx-demo-hello/README",
                "Built by the starlingx-build demo.\n".getBytes(StandardCharsets.UTF_8)));
    Path deb =
        new DebArchiveBuilder(outputDir.resolve("work")).build(sample, outputDir.resolve("pool"));
    progress.stepDone(deb + " (" + Files.size(deb) + " bytes)");

    return new Outcome(outputDir, List.of(deb));
  }
}
