package org.starlingx.stxbuild.engine.tenancy;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.starlingx.stxbuild.engine.pods.BuildRole;
import org.starlingx.stxbuild.engine.schedule.AbortSignal;
import org.starlingx.stxbuild.engine.scope.KubeNames;
import org.starlingx.stxbuild.engine.scope.ScopeNames;

/**
 * The fair share coordinated through the API server, so builds in different processes (Jenkins
 * controllers, CLI runs) share the capacity without talking to each other:
 *
 * <ul>
 *   <li>what runs: the pkgbuilder pods in tenant namespaces, watched cluster-wide (an informer);
 *   <li>what waits: each process keeps one Lease per tenant in the coordination namespace while its
 *       builds wait for a slot, with the number waiting and the tenant's weight, renewed every few
 *       seconds and deleted when nothing waits (a crashed process's Lease expires).
 * </ul>
 *
 * Each admission is decided by {@link FairSharePolicy} on that picture plus this process's own
 * slots not yet visible as pods. Two processes deciding at the same instant may both take the last
 * slot: the capacity is a soft limit, and the tenants' quotas and the nodes stay the hard ones.
 */
public final class ApiServerFairShare implements FairShareGate, AutoCloseable {
  static final String DEMAND_LABEL = ScopeNames.PREFIX + "fair-share";
  static final String TENANT_ANNOTATION = ScopeNames.PREFIX + "tenant-namespace";
  static final String WAITING_ANNOTATION = ScopeNames.PREFIX + "waiting";
  static final String WEIGHT_ANNOTATION = ScopeNames.PREFIX + "weight";
  private static final int LEASE_SECONDS = 15;
  private static final Duration RENEW = Duration.ofSeconds(3);

  private final KubernetesClient client;
  private final String coordinationNamespace;
  private final String namespacePrefix;
  private final int capacity;
  private final Consumer<String> progress;
  private final String process = UUID.randomUUID().toString().substring(0, 8);
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Map<String, Integer> held = new HashMap<>();
  private final Map<String, Integer> waiting = new HashMap<>();
  private final Map<String, Integer> weights = new HashMap<>();
  private final Set<String> announced = new HashSet<>();
  private final ScheduledExecutorService announcer;
  private final SharedIndexInformer<Pod> pods;
  private final SharedIndexInformer<Lease> leases;
  private long lastProgress;

  /**
   * @param namespacePrefix only pods in namespaces with this prefix are tenants' pods
   * @param capacity how many pkgbuilder pods may run at once over all tenants
   */
  public ApiServerFairShare(
      KubernetesClient client,
      String coordinationNamespace,
      String namespacePrefix,
      int capacity,
      Consumer<String> progress) {
    if (capacity < 1) {
      throw new IllegalArgumentException("fair share capacity is " + capacity + "; expected > 0");
    }
    this.client = client;
    this.coordinationNamespace = coordinationNamespace;
    this.namespacePrefix = namespacePrefix;
    this.capacity = capacity;
    this.progress = progress;
    ResourceEventHandler<Object> wake = new Wake();
    this.pods =
        client
            .pods()
            .inAnyNamespace()
            .withLabel(ScopeNames.ROLE_LABEL, BuildRole.PKGBUILDER.id())
            .inform(cast(wake), 0);
    this.leases =
        client
            .resources(Lease.class)
            .inNamespace(coordinationNamespace)
            .withLabel(DEMAND_LABEL, "demand")
            .inform(cast(wake), 0);
    this.announcer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "fair-share-announcer");
              t.setDaemon(true);
              return t;
            });
    announcer.scheduleWithFixedDelay(this::announce, 0, RENEW.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public Slot admit(String tenant, int weight, AbortSignal abort) throws InterruptedException {
    long started = System.nanoTime();
    lock.lock();
    try {
      weights.put(tenant, weight);
      waiting.merge(tenant, 1, Integer::sum);
      boolean announcedWait = false;
      try {
        while (true) {
          Map<String, FairSharePolicy.Demand> demands = demands();
          if (FairSharePolicy.admits(tenant, capacity, demands)) {
            held.merge(tenant, 1, Integer::sum);
            return () -> release(tenant);
          }
          if (!announcedWait) {
            // Other processes learn of the wait at once, not at the next renewal.
            announcedWait = true;
            announcer.execute(this::announce);
          }
          maybeReport(tenant, demands, started);
          if (abort.aborted()) {
            throw new AbortedException("aborted while waiting for a build slot");
          }
          changed.await(500, TimeUnit.MILLISECONDS);
        }
      } finally {
        waiting.merge(tenant, -1, Integer::sum);
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** The picture the policy decides on: pods seen, Leases of others, this process's own state. */
  private Map<String, FairSharePolicy.Demand> demands() {
    Map<String, Integer> running = new HashMap<>();
    for (Pod pod : pods.getStore().list()) {
      String namespace = pod.getMetadata().getNamespace();
      if (namespace.startsWith(namespacePrefix) && !finished(pod)) {
        running.merge(namespace, 1, Integer::sum);
      }
    }
    held.forEach((t, n) -> running.merge(t, n, Math::max));
    Map<String, Integer> waitingAll = new HashMap<>(waiting);
    Map<String, Integer> weightAll = new HashMap<>(weights);
    long now = System.currentTimeMillis();
    for (Lease lease : leases.getStore().list()) {
      if (lease.getMetadata().getName().endsWith("-" + process) || expired(lease, now)) {
        continue;
      }
      Map<String, String> a = lease.getMetadata().getAnnotations();
      String tenant = a == null ? null : a.get(TENANT_ANNOTATION);
      if (tenant != null) {
        waitingAll.merge(tenant, parse(a.get(WAITING_ANNOTATION), 0), Integer::sum);
        weightAll.putIfAbsent(tenant, Math.max(1, parse(a.get(WEIGHT_ANNOTATION), 1)));
      }
    }
    Map<String, FairSharePolicy.Demand> demands = new HashMap<>();
    Set<String> tenants = new HashSet<>(running.keySet());
    tenants.addAll(waitingAll.keySet());
    for (String t : tenants) {
      int w = waitingAll.getOrDefault(t, 0);
      int r = running.getOrDefault(t, 0);
      if (w > 0 || r > 0 || waiting.containsKey(t)) {
        demands.put(t, new FairSharePolicy.Demand(r, w, weightAll.getOrDefault(t, 1)));
      }
    }
    return demands;
  }

  private void release(String tenant) {
    lock.lock();
    try {
      held.merge(tenant, -1, Integer::sum);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Writes this process's waiting counts as Leases; deletes the ones with nothing waiting. */
  private void announce() {
    Map<String, Integer> now;
    Map<String, Integer> w;
    lock.lock();
    try {
      now = new HashMap<>(waiting);
      w = new HashMap<>(weights);
    } finally {
      lock.unlock();
    }
    try {
      for (Map.Entry<String, Integer> entry : now.entrySet()) {
        String tenant = entry.getKey();
        String name = leaseName(tenant);
        if (entry.getValue() > 0) {
          client
              .resource(lease(name, tenant, entry.getValue(), w.getOrDefault(tenant, 1)))
              .serverSideApply();
          announced.add(tenant);
        } else if (announced.remove(tenant)) {
          client.resources(Lease.class).inNamespace(coordinationNamespace).withName(name).delete();
        }
      }
    } catch (KubernetesClientException e) {
      // The API server is briefly away (a restart): the next renewal writes it again.
      progress.accept("cannot announce waiting build slots (trying again): " + e.getMessage());
    }
  }

  private Lease lease(String name, String tenant, int count, int weight) {
    return new LeaseBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(coordinationNamespace)
        .addToLabels(DEMAND_LABEL, "demand")
        .addToLabels(ScopeNames.MANAGED_BY, ScopeNames.MANAGER)
        .addToAnnotations(TENANT_ANNOTATION, tenant)
        .addToAnnotations(WAITING_ANNOTATION, Integer.toString(count))
        .addToAnnotations(WEIGHT_ANNOTATION, Integer.toString(weight))
        .endMetadata()
        .withNewSpec()
        .withHolderIdentity(process)
        .withLeaseDurationSeconds(LEASE_SECONDS)
        .withRenewTime(ZonedDateTime.now(java.time.ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS))
        .endSpec()
        .build();
  }

  private String leaseName(String tenant) {
    return "fair-share-" + KubeNames.hash(List.of(tenant)) + "-" + process;
  }

  private static boolean expired(Lease lease, long nowMillis) {
    if (lease.getSpec() == null || lease.getSpec().getRenewTime() == null) {
      return true;
    }
    long renewed = lease.getSpec().getRenewTime().toInstant().toEpochMilli();
    int seconds =
        lease.getSpec().getLeaseDurationSeconds() == null
            ? LEASE_SECONDS
            : lease.getSpec().getLeaseDurationSeconds();
    return renewed + seconds * 1000L < nowMillis;
  }

  private void maybeReport(
      String tenant, Map<String, FairSharePolicy.Demand> demands, long started) {
    long now = System.nanoTime();
    if (now - started < TimeUnit.SECONDS.toNanos(10)
        || now - lastProgress < TimeUnit.SECONDS.toNanos(60)) {
      return;
    }
    lastProgress = now;
    int running = demands.values().stream().mapToInt(FairSharePolicy.Demand::running).sum();
    Integer share = FairSharePolicy.allocations(capacity, demands).get(tenant);
    progress.accept(
        "waiting for a build slot: "
            + running
            + " of "
            + capacity
            + " pkgbuilder pods run for "
            + demands.size()
            + " tenants; "
            + tenant
            + " runs "
            + demands.get(tenant).running()
            + " of its fair share "
            + share);
  }

  private static boolean finished(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return "Succeeded".equals(phase) || "Failed".equals(phase);
  }

  private static int parse(String text, int fallback) {
    try {
      return text == null ? fallback : Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> ResourceEventHandler<T> cast(ResourceEventHandler<Object> handler) {
    return (ResourceEventHandler<T>) handler;
  }

  /** Any change of a pod or Lease may free a slot: wake the waiting builds. */
  private final class Wake implements ResourceEventHandler<Object> {
    @Override
    public void onAdd(Object obj) {
      signal();
    }

    @Override
    public void onUpdate(Object oldObj, Object newObj) {
      signal();
    }

    @Override
    public void onDelete(Object obj, boolean deletedFinalStateUnknown) {
      signal();
    }

    private void signal() {
      lock.lock();
      try {
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  @Override
  public void close() {
    announcer.shutdownNow();
    pods.close();
    leases.close();
    lock.lock();
    try {
      waiting.clear();
    } finally {
      lock.unlock();
    }
    for (String tenant : announced) {
      try {
        client
            .resources(Lease.class)
            .inNamespace(coordinationNamespace)
            .withName(leaseName(tenant))
            .delete();
      } catch (KubernetesClientException e) {
        // expires on its own
      }
    }
  }
}
