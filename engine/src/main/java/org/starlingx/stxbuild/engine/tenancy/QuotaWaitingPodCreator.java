package org.starlingx.stxbuild.engine.tenancy;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.starlingx.stxbuild.engine.schedule.AbortSignal;
import org.starlingx.stxbuild.engine.workers.PodCreator;

/**
 * Creates pods in a tenant's namespace and treats a full quota as capacity: a creation refused with
 * 403 {@code exceeded quota} because the tenant's other pods hold the room is tried again until the
 * room is there (bounded by {@code maxWait}, with a progress line when it starts waiting and every
 * {@code progressEvery}); a pod that asks for more than the quota's hard limit can never fit and is
 * refused at once with the numbers.
 */
public final class QuotaWaitingPodCreator implements PodCreator {
  private final KubernetesClient client;
  private final Duration maxWait;
  private final Duration poll;
  private final Duration progressEvery;
  private final Consumer<String> progress;

  public QuotaWaitingPodCreator(
      KubernetesClient client,
      Duration maxWait,
      Duration poll,
      Duration progressEvery,
      Consumer<String> progress) {
    this.client = client;
    this.maxWait = maxWait;
    this.poll = poll;
    this.progressEvery = progressEvery;
    this.progress = progress;
  }

  /** Waits up to an hour, trying every 2 s and saying so every minute. */
  public static QuotaWaitingPodCreator of(KubernetesClient client, Consumer<String> progress) {
    return new QuotaWaitingPodCreator(
        client, Duration.ofHours(1), Duration.ofSeconds(2), Duration.ofMinutes(1), progress);
  }

  @Override
  public void create(Pod pod, AbortSignal abort) throws InterruptedException {
    String name = pod.getMetadata().getName();
    String namespace = pod.getMetadata().getNamespace();
    long started = System.nanoTime();
    long lastProgress = 0;
    while (true) {
      Optional<QuotaRefusal> refusal = tryCreate(pod);
      if (refusal.isEmpty()) {
        if (lastProgress != 0) {
          progress.accept(
              "quota room for pod "
                  + name
                  + " in namespace "
                  + namespace
                  + " after "
                  + seconds(System.nanoTime() - started));
        }
        return;
      }
      QuotaRefusal quota = refusal.get();
      if (!quota.neverFitting().isEmpty()) {
        throw new PodNotCreatedException(
            "pod "
                + name
                + " can never fit the quota "
                + quota.quota()
                + " of namespace "
                + namespace
                + ": "
                + quota.neverFittingText()
                + "; raise the tenant's quota or lower the role's requests");
      }
      long waited = System.nanoTime() - started;
      if (waited > maxWait.toNanos()) {
        throw new PodNotCreatedException(
            "no room in the quota "
                + quota.quota()
                + " of namespace "
                + namespace
                + " for pod "
                + name
                + " within "
                + maxWait
                + ": "
                + quota.usageText());
      }
      if (lastProgress == 0 || System.nanoTime() - lastProgress > progressEvery.toNanos()) {
        lastProgress = System.nanoTime();
        progress.accept(
            "waiting for room in the quota "
                + quota.quota()
                + " of namespace "
                + namespace
                + " for pod "
                + name
                + " ("
                + quota.usageText()
                + "), waited "
                + seconds(waited));
      }
      if (abort.aborted()) {
        throw new PodNotCreatedException("aborted while waiting for quota room for pod " + name);
      }
      Thread.sleep(poll.toMillis());
    }
  }

  private Optional<QuotaRefusal> tryCreate(Pod pod) {
    try {
      client.resource(pod).create();
      return Optional.empty();
    } catch (KubernetesClientException e) {
      String message = e.getStatus() == null ? e.getMessage() : e.getStatus().getMessage();
      Optional<QuotaRefusal> refusal =
          e.getCode() == 403 ? QuotaRefusal.parse(message) : Optional.empty();
      if (refusal.isEmpty()) {
        throw e;
      }
      return refusal;
    }
  }

  private static String seconds(long nanos) {
    return Duration.ofNanos(nanos).toSeconds() + " s";
  }
}
