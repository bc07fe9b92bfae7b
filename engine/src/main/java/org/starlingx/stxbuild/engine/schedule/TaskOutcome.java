package org.starlingx.stxbuild.engine.schedule;

import java.util.List;

/** What running a task on a worker gave. */
public sealed interface TaskOutcome {
  /** Built; {@code outputs} names what it produced (for the report). */
  record Built(List<String> outputs) implements TaskOutcome {}

  /** Not built because an earlier good build's result was reused. */
  record Reused(String reason) implements TaskOutcome {}

  /** The build itself failed (compile error, test failure): its dependents are skipped. */
  record Failed(String reason) implements TaskOutcome {}

  /** The worker failed, not the build: retried on another worker a bounded number of times. */
  record InfrastructureFailure(Kind kind, String reason) implements TaskOutcome {}

  /** Why a worker failed. */
  enum Kind {
    WORKER_LOST,
    EVICTED,
    OOM_KILLED
  }
}
