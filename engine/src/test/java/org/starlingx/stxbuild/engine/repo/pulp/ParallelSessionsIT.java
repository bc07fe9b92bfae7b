package org.starlingx.stxbuild.engine.repo.pulp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.apt.PrivateAptRoot;
import org.starlingx.stxbuild.engine.repo.AddResult;
import org.starlingx.stxbuild.engine.repo.AptSource;
import org.starlingx.stxbuild.engine.repo.RepoSession;
import org.starlingx.stxbuild.engine.repo.SessionNames;
import org.starlingx.stxbuild.engine.repo.testing.SamplePackages;
import org.starlingx.stxbuild.engine.repo.testing.SharedWorkload;
import org.starlingx.stxbuild.testenv.pulp.PulpEndpoint;
import org.starlingx.stxbuild.testenv.pulp.PulpServerExtension;

/** Eight builds of different scopes share one Pulp at the same time over overlapping files. */
@ExtendWith(PulpServerExtension.class)
class ParallelSessionsIT {
  private static final int SESSIONS = 8;

  @TempDir Path work;
  private PulpClient pulp;
  private PulpPackageRepository repository;
  private String run;

  @BeforeEach
  void connect(PulpEndpoint endpoint) {
    pulp = PulpTestClients.connect(endpoint);
    repository = new PulpPackageRepository(pulp, null);
    run = UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void deleteWhatTheTestCreated() {
    PulpTestClients.deleteLabelled(pulp, "stx.run=" + run);
  }

  @Test
  void parallelSessionsStoreSharedFilesOnceAndAnAbortTouchesNoOtherSession() throws Exception {
    SharedWorkload workload =
        SharedWorkload.build(new SamplePackages(work), "stx-par-" + run, SESSIONS, 5, 0.8, 2048);
    ExecutorService pool = Executors.newFixedThreadPool(SESSIONS);
    List<Future<Opened>> futures = new ArrayList<>();
    for (int s = 0; s < SESSIONS; s++) {
      int session = s;
      futures.add(pool.submit(() -> openAddPublish(session, workload)));
    }
    List<Opened> opened = new ArrayList<>();
    for (Future<Opened> future : futures) {
      opened.add(future.get());
    }
    pool.shutdown();

    int storedNew = opened.stream().mapToInt(o -> o.added().storedNew()).sum();
    int uniqueFiles = workload.common().size() + SESSIONS * workload.own().get(0).size();
    assertThat(storedNew).isEqualTo(uniqueFiles);

    opened.get(3).session().abort();

    PrivateAptRoot apt = new PrivateAptRoot(work.resolve("apt"));
    for (int s = 0; s < SESSIONS; s++) {
      if (s == 3) {
        continue;
      }
      assertThat(opened.get(s).session().packages()).hasSize(5);
      apt.sources(opened.get(s).source()).update();
      Path own = workload.own().get(s).get(0);
      String name = own.getFileName().toString().split("_")[0];
      assertThat(Files.readAllBytes(apt.download(name))).isEqualTo(Files.readAllBytes(own));
    }
    opened.forEach(o -> o.session().close());
  }

  private record Opened(RepoSession session, AddResult added, AptSource source) {}

  private Opened openAddPublish(int s, SharedWorkload workload) {
    SessionNames names =
        new SessionNames(
            "user" + s + "-proj" + (s % 3) + "-" + run,
            "user" + s + "-proj" + (s % 3) + "-" + run + "-b1",
            Map.of("stx.run", run));
    RepoSession session = repository.openSession(names);
    AddResult added = session.addPackages(workload.filesOf(s));
    return new Opened(session, added, session.publish());
  }
}
