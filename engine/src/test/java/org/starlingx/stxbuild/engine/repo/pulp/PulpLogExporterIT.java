package org.starlingx.stxbuild.engine.repo.pulp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.logs.StepLog;
import org.starlingx.stxbuild.testenv.pulp.PulpEndpoint;
import org.starlingx.stxbuild.testenv.pulp.PulpServerExtension;

/** Step logs exported into the real Pulp are plain files a browser can fetch, with an index. */
@ExtendWith(PulpServerExtension.class)
class PulpLogExporterIT {
  @TempDir Path work;
  private PulpClient pulp;
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void deleteWhatTheTestCreated() {
    PulpTestClients.deleteLabelled(pulp, "stx.run=" + run);
  }

  @Test
  void logsAndTheirIndexAreServedByTheContentApp(PulpEndpoint endpoint) throws Exception {
    pulp = PulpTestClients.connect(endpoint);
    Path download = Files.writeString(work.resolve("a.log"), "downloaded 3 files " + run + "\n");
    Path build = Files.writeString(work.resolve("b.log"), "dpkg-buildpackage failed " + run + "\n");

    URI index =
        new PulpLogExporter(pulp, work.resolve("scratch"))
            .export(
                "logs-" + run + "-b1",
                Map.of("stx.run", run),
                List.of(
                    new StepLog("download.log", download, "success"),
                    new StepLog("build-packages.log", build, "failed")));

    String html = Files.readString(pulp.download(index, work.resolve("index.html")));
    assertThat(html).contains("href=\"download.log\"", "href=\"build-packages.log\"", "failed");
    Path fetched = pulp.download(index.resolve("build-packages.log"), work.resolve("fetched.log"));
    assertThat(fetched).hasSameTextualContentAs(build);
    assertThat(pulp.files().repositories().labelled("stx.role=log,stx.run=" + run)).hasSize(1);
  }
}
