package org.starlingx.stxbuild.engine.schedule;

/**
 * How the scheduler runs.
 *
 * @param workers how many tasks run at once
 * @param infrastructureRetries how often a task whose worker failed is tried again elsewhere
 * @param retriesOnFailure how often a failed build is tried again (for flaky packages); only that
 *     package is retried, never the whole build
 * @param order longest remaining path first (the default), or plain first-come first-served
 */
public record SchedulerOptions(
    int workers, int infrastructureRetries, int retriesOnFailure, Order order) {
  public enum Order {
    LONGEST_REMAINING_PATH,
    FIFO
  }

  public SchedulerOptions {
    if (workers < 1) {
      throw new IllegalArgumentException("workers is " + workers + "; expected at least 1");
    }
    if (infrastructureRetries < 0 || retriesOnFailure < 0) {
      throw new IllegalArgumentException("retries must not be negative");
    }
  }

  public static SchedulerOptions workers(int workers) {
    return new SchedulerOptions(workers, 2, 0, Order.LONGEST_REMAINING_PATH);
  }

  public SchedulerOptions withRetriesOnFailure(int retries) {
    return new SchedulerOptions(workers, infrastructureRetries, retries, order);
  }

  public SchedulerOptions withOrder(Order newOrder) {
    return new SchedulerOptions(workers, infrastructureRetries, retriesOnFailure, newOrder);
  }
}
