package org.starlingx.stxbuild.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.repo.pulp.PulpClient;
import org.starlingx.stxbuild.engine.repo.pulp.PulpTestClients;
import org.starlingx.stxbuild.engine.repo.testing.StaticFileServer;
import org.starlingx.stxbuild.testenv.pulp.PulpServerExtension;

/**
 * The download step against the real Pulp: the sample tree's 3rd-party tarballs, served by an
 * upstream on loopback, land in Pulp's shared mirror once; a second run fetches nothing from
 * upstream; a wrong checksum is reported and not kept.
 */
@ExtendWith(PulpServerExtension.class)
class PulpDownloadStepIT {
  static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
  static final String UPSTREAM = "https://downloads.starlingx-build.invalid/";

  @Test
  void theMirrorIsFilledOnceFromTheTreesNeeds(
      org.starlingx.stxbuild.testenv.pulp.PulpEndpoint endpoint) throws Exception {
    PulpClient pulp = PulpTestClients.connect(endpoint);
    StxSourceTree tree = StxSourceTree.open(REPOSITORY.resolve("samples/stx-sample-tree"));
    try (StaticFileServer upstream =
        new StaticFileServer(REPOSITORY.resolve("samples/stx-sample-upstream"))) {
      DownloadStep step =
          new DownloadStep(
              new PulpMirrorFetcher(pulp, Map.of(UPSTREAM, upstream.url().toString())));

      DownloadStep.Report first = step.run(tree, "bullseye", List.of("std", "rt"), i -> {});
      assertThat(first.failures()).isEmpty();
      assertThat(first.items()).hasSize(2);
      int requests = upstream.requested().size();

      DownloadStep.Report second = step.run(tree, "bullseye", List.of("std", "rt"), i -> {});
      assertThat(second.count("already_mirrored")).isEqualTo(2);
      assertThat(upstream.requested()).as("nothing fetched from upstream again").hasSize(requests);
    }
  }

  @Test
  void aWrongFileIsReportedAndNotKept(
      org.starlingx.stxbuild.testenv.pulp.PulpEndpoint endpoint, @TempDir Path dir)
      throws Exception {
    PulpClient pulp = PulpTestClients.connect(endpoint);
    Path upstreamDir = Files.createDirectories(dir.resolve("upstream"));
    String unique = "tampered-" + System.nanoTime() + ".tar.gz";
    Files.writeString(upstreamDir.resolve(unique), "not what the metadata promised");
    Path treeDir = dir.resolve("tree");
    Files.createDirectories(treeDir.resolve("p/debian/deb_folder"));
    Files.writeString(treeDir.resolve("debian_pkg_dirs"), "p\n");
    Files.writeString(
        treeDir.resolve("p/debian/deb_folder/control"),
        "Source: p\n\nPackage: p\nArchitecture: all\n");
    Files.writeString(
        treeDir.resolve("p/debian/meta_data.yaml"),
        "debver: 1.0-1\ndl_path:\n  name: "
            + unique
            + "\n  url: "
            + UPSTREAM
            + unique
            + "\n  sha256sum: "
            + "1".repeat(64)
            + "\n");
    try (StaticFileServer upstream = new StaticFileServer(upstreamDir)) {
      DownloadStep.Report report =
          new DownloadStep(new PulpMirrorFetcher(pulp, Map.of(UPSTREAM, upstream.url().toString())))
              .run(StxSourceTree.open(treeDir), "bullseye", List.of("std"), i -> {});
      assertThat(report.failures())
          .singleElement()
          .satisfies(
              f ->
                  assertThat(f.error())
                      .contains("meta_data.yaml", "dl_path", unique, "1".repeat(64)));
      assertThat(
              new org.starlingx.stxbuild.engine.repo.pulp.PulpMirrors(pulp)
                  .holds(report.items().get(0).download().download()))
          .isFalse();
    }
  }
}
