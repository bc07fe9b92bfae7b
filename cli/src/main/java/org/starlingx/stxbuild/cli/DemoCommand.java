package org.starlingx.stxbuild.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.starlingx.stxbuild.engine.demo.DemoJob;
import org.starlingx.stxbuild.engine.demo.StaticUpstream;
import org.starlingx.stxbuild.engine.repo.pulp.PulpPackageRepository;
import org.starlingx.stxbuild.engine.source.PulpMirrorFetcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stx-build demo}: the main job on the embedded default, with progress. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Builds the sample StarlingX tree with local workers into a local repository (no cluster,"
          + " no Pulp needed), or into the testenv Pulp with --pulp.",
      "A second run reuses every package whose inputs did not change."
    })
final class DemoCommand implements Callable<Integer> {

  @Option(
      names = "--output",
      defaultValue = "build-output/demo",
      description = "Directory for everything the demo produces (default: ${DEFAULT-VALUE}).")
  Path output;

  @Option(
      names = "--tree",
      defaultValue = "samples/stx-sample-tree",
      description = "The StarlingX source tree to build (default: ${DEFAULT-VALUE}).")
  Path tree;

  @Option(
      names = "--upstream",
      defaultValue = "samples/stx-sample-upstream",
      description = "Local copy of the sample's upstream downloads (default: ${DEFAULT-VALUE}).")
  Path upstream;

  @Option(
      names = "--workers",
      defaultValue = "2",
      description = "Packages built at once (default: 2).")
  int workers;

  @Option(
      names = "--pulp",
      description = "Use the Pulp that testenv/pulp.sh started instead of the local repository.")
  boolean pulp;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(tree)) {
      throw new IllegalArgumentException(
          "--tree "
              + tree
              + " is not a directory; run the demo from the project's root (bin/demo)");
    }
    DemoJob job =
        new DemoJob(
            output,
            tree,
            upstream,
            new ConsoleProgress(System.out),
            new ConsoleBuildProgress(System.out));
    DemoJob.Outcome outcome;
    if (pulp) {
      var client = TestenvPulp.client();
      // Pulp fetches the sample's "upstream" files itself, over HTTP from this loopback server.
      try (StaticUpstream served = new StaticUpstream(upstream)) {
        outcome =
            job.run(
                new PulpPackageRepository(client, null),
                new PulpMirrorFetcher(
                    client, Map.of(DemoJob.SAMPLE_UPSTREAM, served.baseUrl().toString())),
                workers);
      }
    } else {
      outcome = job.run(workers);
    }
    System.out.println();
    System.out.println(
        "Demo finished: "
            + outcome.build().report().results().size()
            + " packages ("
            + org.starlingx.stxbuild.engine.packagebuild.BuildReportPage.summary(
                outcome.build().report())
            + "); report: "
            + outcome.build().reportPage());
    return 0;
  }
}
