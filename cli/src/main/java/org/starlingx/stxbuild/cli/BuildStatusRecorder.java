package org.starlingx.stxbuild.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.starlingx.stxbuild.engine.packagebuild.BuildReportPage;
import org.starlingx.stxbuild.engine.packagebuild.PackageBuild;
import org.starlingx.stxbuild.engine.scope.ScopeNames;
import org.starlingx.stxbuild.engine.status.BuildRecord;
import org.starlingx.stxbuild.engine.status.BuildResult;
import org.starlingx.stxbuild.engine.status.BuildStatusStore;
import org.starlingx.stxbuild.engine.status.LocalBuildStatusStore;
import org.starlingx.stxbuild.engine.status.PulpBuildStatusStore;

/** Records how a build ended where later builds, retention and people read it. */
final class BuildStatusRecorder {
  private final BuildStatusStore store;

  BuildStatusRecorder(Path work, RepositoryOptions repository) {
    this.store =
        repository.usesPulp()
            ? new PulpBuildStatusStore(repository.pulp(), work.resolve("scratch"))
            : new LocalBuildStatusStore(work.resolve("status"));
  }

  BuildStatusStore store() {
    return store;
  }

  void record(
      ScopeNames names, Instant started, PackageBuild.Outcome outcome, Map<String, String> extra) {
    Map<String, String> details = new LinkedHashMap<>(extra);
    details.put("summary", BuildReportPage.summary(outcome.report()));
    details.put("report", outcome.reportPage().toString());
    outcome.source().ifPresent(s -> details.put("apt", s.sourcesListLine()));
    store.record(
        new BuildRecord(
            names.line(),
            names.build(),
            outcome.succeeded() ? BuildResult.SUCCESS : BuildResult.FAILED,
            extra.getOrDefault("fingerprint", ""),
            started,
            Instant.now(),
            details));
  }
}
