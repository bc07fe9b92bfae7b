package org.starlingx.stxbuild.engine.repo.pulp;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.starlingx.stxbuild.engine.files.ExclusiveLock;

/**
 * One build at a time per branch line on a shared Pulp: the lock is a file repository named {@code
 * stx-lock-<line>} (Pulp refuses a second repository of a name, which makes creating it atomic),
 * labelled with its holder (pid, host, since) and a heartbeat the holder renews every minute. A
 * lock whose holder is a dead process on this host, or whose heartbeat is older than {@link
 * #STALE}, is taken over: builders run on many hosts, so a crashed one cannot release its lock.
 */
public final class PulpLineLock implements AutoCloseable {
  static final Duration HEARTBEAT = Duration.ofMinutes(1);
  static final Duration STALE = Duration.ofMinutes(5);

  private final PulpClient pulp;
  private final String href;
  private final Optional<String> takenOver;
  private final ScheduledExecutorService heartbeat;

  private PulpLineLock(PulpClient pulp, String href, Optional<String> takenOver) {
    this.pulp = pulp;
    this.href = href;
    this.takenOver = takenOver;
    this.heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "pulp-line-lock");
              thread.setDaemon(true);
              return thread;
            });
    heartbeat.scheduleWithFixedDelay(
        this::beat, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
  }

  static String repositoryName(String branch) {
    return "stx-lock-" + branch;
  }

  /** Takes the line's lock, or refuses at once naming the holder. */
  public static PulpLineLock acquire(PulpClient pulp, String branch) {
    PulpRepositories repositories = pulp.files().repositories();
    String name = repositoryName(branch);
    Optional<String> takenOver = Optional.empty();
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        PulpRepository created = repositories.create(name, holderLabels(branch));
        return new PulpLineLock(pulp, created.href(), takenOver);
      } catch (PulpException e) {
        if (e.status() != 400) {
          throw e;
        }
      }
      Optional<PulpRepository> held = repositories.find(name);
      if (held.isEmpty()) {
        continue; // released in between
      }
      Map<String, String> labels = held.get().labels();
      if (!stale(labels)) {
        throw new ExclusiveLock.HeldException(
            "branch line "
                + branch
                + " in Pulp is in use by another build ("
                + describe(labels)
                + "); wait for it to end");
      }
      pulp.delete(held.get().href());
      takenOver = Optional.of(describe(labels));
    }
    throw new ExclusiveLock.HeldException(
        "branch line " + branch + " in Pulp: could not take its lock " + name + " after 3 tries");
  }

  /** The holder that died without releasing the lock, if this one took it over. */
  public Optional<String> takenOver() {
    return takenOver;
  }

  @Override
  public void close() {
    heartbeat.shutdownNow();
    pulp.delete(href);
  }

  private void beat() {
    try {
      pulp.files()
          .repositories()
          .label(href, "stx.heartbeat", Long.toString(Instant.now().getEpochSecond()));
    } catch (RuntimeException e) {
      // Pulp may be restarting; the next beat tries again, and STALE leaves several minutes.
    }
  }

  static Map<String, String> holderLabels(String branch) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("stx.lock", branch);
    labels.put("stx.holder.pid", Long.toString(ProcessHandle.current().pid()));
    labels.put("stx.holder.host", host());
    labels.put("stx.holder.since", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    labels.put("stx.heartbeat", Long.toString(Instant.now().getEpochSecond()));
    return labels;
  }

  /** Dead holder on this host, or no heartbeat for {@link #STALE}. */
  static boolean stale(Map<String, String> labels) {
    try {
      long beat = Long.parseLong(labels.getOrDefault("stx.heartbeat", "0"));
      if (Instant.now().getEpochSecond() - beat > STALE.toSeconds()) {
        return true;
      }
      if (host().equals(labels.get("stx.holder.host"))) {
        long pid = Long.parseLong(labels.getOrDefault("stx.holder.pid", "-1"));
        return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
      }
      return false;
    } catch (NumberFormatException e) {
      return true;
    }
  }

  private static String describe(Map<String, String> labels) {
    return "pid "
        + labels.getOrDefault("stx.holder.pid", "?")
        + " on "
        + labels.getOrDefault("stx.holder.host", "?")
        + " since "
        + labels.getOrDefault("stx.holder.since", "?");
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "unknown-host";
    }
  }
}
