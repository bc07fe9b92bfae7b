package org.starlingx.build.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.starlingx.build.engine.demo.DemoJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stx-build demo}: the main job on the embedded default, with progress. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Runs the demo build on this machine (no cluster, no Pulp needed).")
final class DemoCommand implements Callable<Integer> {

  @Option(
      names = "--output",
      defaultValue = "build-output/demo",
      description = "Directory for everything the demo produces (default: ${DEFAULT-VALUE}).")
  Path output;

  @Override
  public Integer call() throws Exception {
    DemoJob.Outcome outcome = new DemoJob(output, new ConsoleProgress(System.out)).run();
    System.out.println();
    System.out.println(
        "Demo finished: " + outcome.packages().size() + " package(s) in " + outcome.outputDir());
    return 0;
  }
}
