package org.starlingx.stxbuild.engine.logs;

import java.net.URI;
import java.util.List;

/** Publishes a build's step logs as plain files with an HTML index, downloadable by anyone. */
public interface LogExporter {

  /**
   * Exports the logs of one build session and returns the URL of its {@code index.html}.
   *
   * @param session the session's name (as in the repository)
   * @param labels labels of the build's scope, put on what is created
   */
  URI export(String session, java.util.Map<String, String> labels, List<StepLog> logs);
}
