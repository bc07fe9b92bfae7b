package org.starlingx.stxbuild.engine.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's scenario on a simulated clock (fast, in CI; {@link FairShareBenchmark} runs it on
 * the KWOK cluster): 16 pkgbuilder slots; tenant A's 300 packages of 2-6 s with 32 workers; tenant
 * B's 5 packages of 5 s, 20 s later. Without a fair share every build creates pods up to its worker
 * count and the cluster runs them first come, first served; with it, {@link FairSharePolicy} admits
 * them. Prints the figures side by side and checks the goals: B within 1.5x of its idle time, A
 * slower by less than 10%.
 */
class FairShareSimulationTest {
  private static final int SLOTS = 16;
  private static final int A_WORKERS = 32;
  private static final double B_START = 20;

  record Build(String tenant, double start, List<Integer> seconds, int workers) {}

  @Test
  void theSmallBuildIsNotStuckBehindTheBigOneAndTheBigOneHardlyNotices() {
    Random random = new Random(18);
    List<Integer> aSeconds = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      aSeconds.add(2 + random.nextInt(5));
    }
    Build a = new Build("a", 0, aSeconds, A_WORKERS);
    Build b = new Build("b", B_START, List.of(5, 5, 5, 5, 5), 5);

    double aIdle = simulate(List.of(a), false).get("a");
    double bIdle = simulate(List.of(b), false).get("b") - B_START;
    Map<String, Double> without = simulate(List.of(a, b), false);
    Map<String, Double> with = simulate(List.of(a, b), true);
    double bWithout = without.get("b") - B_START;
    double bWith = with.get("b") - B_START;

    System.out.printf(
        "fair share (simulated clock, %d slots): B idle %.1f s, no share %.1f s (%.2fx), fair"
            + " share %.1f s (%.2fx); A idle %.1f s, no share %+.1f%%, fair share %+.1f%%%n",
        SLOTS,
        bIdle,
        bWithout,
        bWithout / bIdle,
        bWith,
        bWith / bIdle,
        aIdle,
        100 * (without.get("a") / aIdle - 1),
        100 * (with.get("a") / aIdle - 1));
    assertThat(bWithout / bIdle).as("without a fair share B waits behind A").isGreaterThan(1.5);
    assertThat(bWith / bIdle).as("B with the fair share").isLessThanOrEqualTo(1.5);
    assertThat(with.get("a") / aIdle).as("A with the fair share").isLessThan(1.10);
  }

  /** Runs the builds; returns when each tenant's last package finished. */
  static Map<String, Double> simulate(List<Build> builds, boolean fair) {
    Map<String, Deque<Integer>> todo = new LinkedHashMap<>();
    Map<String, Integer> inFlight = new HashMap<>();
    Map<String, Integer> running = new HashMap<>();
    Map<String, Double> finished = new HashMap<>();
    Deque<String> pending = new ArrayDeque<>(); // pods created, waiting for a node (FIFO)
    Deque<Integer> pendingSeconds = new ArrayDeque<>();
    List<double[]> ends = new ArrayList<>(); // {end time, build index}
    double now = 0;
    while (true) {
      for (int i = 0; i < builds.size(); i++) {
        Build build = builds.get(i);
        if (build.start() <= now && !todo.containsKey(build.tenant())) {
          todo.put(build.tenant(), new ArrayDeque<>(build.seconds()));
        }
      }
      if (fair) {
        // Package builds wait at the gate; admitted ones start a pod at once.
        boolean admitted = true;
        while (admitted) {
          admitted = false;
          for (Build build : builds) {
            String t = build.tenant();
            Deque<Integer> left = todo.get(t);
            if (left == null || left.isEmpty()) {
              continue;
            }
            Map<String, FairSharePolicy.Demand> demands = new HashMap<>();
            for (Build other : builds) {
              Deque<Integer> l = todo.get(other.tenant());
              int r = running.getOrDefault(other.tenant(), 0);
              int waiting = l == null ? 0 : Math.min(l.size(), other.workers() - r);
              if (r > 0 || waiting > 0) {
                demands.put(other.tenant(), new FairSharePolicy.Demand(r, waiting, 1));
              }
            }
            if (running.getOrDefault(t, 0) < build.workers()
                && FairSharePolicy.admits(t, SLOTS, demands)) {
              running.merge(t, 1, Integer::sum);
              ends.add(new double[] {now + left.poll(), builds.indexOf(build)});
              admitted = true;
            }
          }
        }
      } else {
        for (Build build : builds) {
          String t = build.tenant();
          Deque<Integer> left = todo.get(t);
          while (left != null && !left.isEmpty() && inFlight.getOrDefault(t, 0) < build.workers()) {
            inFlight.merge(t, 1, Integer::sum);
            pending.add(t);
            pendingSeconds.add(left.poll());
          }
        }
        while (ends.size() < SLOTS && !pending.isEmpty()) {
          String t = pending.poll();
          running.merge(t, 1, Integer::sum);
          ends.add(new double[] {now + pendingSeconds.poll(), indexOf(builds, t)});
        }
      }
      double next = Double.MAX_VALUE;
      for (double[] end : ends) {
        next = Math.min(next, end[0]);
      }
      for (Build build : builds) {
        if (build.start() > now) {
          next = Math.min(next, build.start());
        }
      }
      if (next == Double.MAX_VALUE) {
        return finished;
      }
      now = next;
      for (double[] end : List.copyOf(ends)) {
        if (end[0] <= now) {
          ends.remove(end);
          String t = builds.get((int) end[1]).tenant();
          running.merge(t, -1, Integer::sum);
          inFlight.merge(t, -1, Integer::sum);
          finished.put(t, now);
        }
      }
    }
  }

  private static int indexOf(List<Build> builds, String tenant) {
    for (int i = 0; i < builds.size(); i++) {
      if (builds.get(i).tenant().equals(tenant)) {
        return i;
      }
    }
    throw new IllegalArgumentException(tenant);
  }
}
