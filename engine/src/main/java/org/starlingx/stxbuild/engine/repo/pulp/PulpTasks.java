package org.starlingx.stxbuild.engine.repo.pulp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/** Waits for Pulp's asynchronous tasks, polling with a growing pause up to a deadline. */
public final class PulpTasks {
  private static final Duration FIRST_POLL = Duration.ofMillis(100);
  private static final Duration LONGEST_POLL = Duration.ofSeconds(1);

  private final PulpHttp http;
  private final Duration timeout;

  PulpTasks(PulpHttp http, Duration timeout) {
    this.http = http;
    this.timeout = timeout;
  }

  /** Waits for the task that an accepted (202) answer names. */
  PulpTask waitForAccepted(JsonNode accepted) {
    return waitFor(accepted.path("task").asText());
  }

  /**
   * Waits until a task finishes and returns it.
   *
   * @throws PulpException when the task fails, is canceled, or outlasts the timeout
   */
  public PulpTask waitFor(String taskHref) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Duration pause = FIRST_POLL;
    while (true) {
      PulpTask task = PulpTask.from(http.get(taskHref));
      if (task.finished()) {
        if (!"completed".equals(task.state())) {
          throw new PulpException(
              "Pulp task " + task.name() + " " + task.state() + ": " + task.error(), -1);
        }
        return task;
      }
      if (System.nanoTime() > deadline) {
        throw new PulpException(
            "Pulp task "
                + task.name()
                + " still "
                + task.state()
                + " after "
                + timeout.toSeconds()
                + " s: "
                + taskHref,
            -1);
      }
      sleep(pause);
      // Each poll costs Pulp's API a request: grow the pause, so long tasks are asked rarely.
      Duration longer = pause.multipliedBy(3).dividedBy(2);
      pause = longer.compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : longer;
    }
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PulpException("interrupted while waiting for a Pulp task", e);
    }
  }
}
