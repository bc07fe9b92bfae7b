package org.starlingx.stxbuild.testenv.kube;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.ToIntFunction;

/**
 * Plays the containers of pods on KWOK nodes, which run none: every pod of the namespace that
 * carries {@code testenv.starlingx.org/outcome: run}, reaches Running and is on a KWOK node (one
 * annotated {@code kwok.x-k8s.io/node: fake}; a pod on the real node runs for real and is left
 * alone) is handed to {@code container} (which does what the container would, e.g. runs the pod's
 * own command with the pod's environment as a process here, and returns its exit code); then KWOK
 * ends the pod with that exit code. Which node each pod ran on is kept, as the scheduler chose it.
 * As a kubelet kills a deleted pod's container, a played container is told to stop when its pod is
 * deleted (an aborted build) or the player is closed, and {@link #close()} waits for it to end.
 */
public final class KwokContainerPlayer implements AutoCloseable {
  /** What a pod's container does, played here. */
  @FunctionalInterface
  public interface Container {
    /**
     * Plays {@code pod}'s container and returns its exit code; {@code stopped} turns true when the
     * pod is deleted or the player closed, and the container should then end soon.
     */
    int play(Pod pod, BooleanSupplier stopped);
  }

  private final KubernetesClient client;
  private final Container container;
  private final ExecutorService kubelet;
  private final SharedIndexInformer<Pod> informer;
  private final Set<String> played = ConcurrentHashMap.newKeySet();
  private final Map<String, Integer> exits = new ConcurrentHashMap<>();
  private final Map<String, String> nodes = new ConcurrentHashMap<>();
  private final Map<String, Boolean> kwokNodes = new ConcurrentHashMap<>();
  private final Set<String> deleted = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /** Plays pods in the client's namespace with at most {@code parallel} containers at once. */
  public KwokContainerPlayer(KubernetesClient client, int parallel, ToIntFunction<Pod> container) {
    this(client, parallel, (pod, stopped) -> container.applyAsInt(pod));
  }

  /**
   * Plays pods in the client's namespace with at most {@code parallel} containers at once, each
   * told when to stop.
   */
  public KwokContainerPlayer(KubernetesClient client, int parallel, Container container) {
    this.client = client;
    this.container = container;
    this.kubelet = Executors.newFixedThreadPool(parallel);
    this.informer =
        client
            .pods()
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(Pod pod) {
                    onUpdate(null, pod);
                  }

                  @Override
                  public void onUpdate(Pod old, Pod pod) {
                    if ("Running".equals(pod.getStatus().getPhase())
                        && "run".equals(outcomeOf(pod))
                        && isKwokNode(pod.getSpec().getNodeName())
                        && played.add(pod.getMetadata().getName())) {
                      nodes.put(pod.getMetadata().getName(), pod.getSpec().getNodeName());
                      kubelet.submit(() -> play(pod));
                    }
                  }

                  @Override
                  public void onDelete(Pod pod, boolean unknown) {
                    deleted.add(pod.getMetadata().getName());
                  }
                });
  }

  /** Exit code per played pod. */
  public Map<String, Integer> exits() {
    return Map.copyOf(exits);
  }

  /** Node per played pod. */
  public Map<String, String> nodes() {
    return Map.copyOf(nodes);
  }

  /** Pods whose played container has not ended yet. */
  public Set<String> playing() {
    Set<String> running = new java.util.TreeSet<>(played);
    running.removeAll(exits.keySet());
    return running;
  }

  private void play(Pod pod) {
    String name = pod.getMetadata().getName();
    int exit;
    try {
      exit = container.play(pod, () -> closed || deleted.contains(name));
    } catch (RuntimeException e) {
      e.printStackTrace();
      exit = 2;
    }
    exits.put(pod.getMetadata().getName(), exit);
    String outcome = exit == 0 ? "succeed" : "fail";
    String exitCode = String.valueOf(exit);
    try {
      client
          .pods()
          .withName(pod.getMetadata().getName())
          .edit(
              p -> {
                p.getMetadata().getAnnotations().put("testenv.starlingx.org/outcome", outcome);
                p.getMetadata().getAnnotations().put("testenv.starlingx.org/exit-code", exitCode);
                p.getMetadata().getAnnotations().put("testenv.starlingx.org/duration", "0s");
                return p;
              });
    } catch (RuntimeException goneMeanwhile) {
      // The build deleted the pod (abort): nothing left to end.
    }
  }

  /** Whether KWOK plays the node (the annotation testenv/kube/nodes.sh sets). */
  private boolean isKwokNode(String name) {
    return name != null
        && kwokNodes.computeIfAbsent(
            name,
            n -> {
              Node node = client.nodes().withName(n).get();
              Map<String, String> annotations =
                  node == null ? null : node.getMetadata().getAnnotations();
              return annotations != null && "fake".equals(annotations.get("kwok.x-k8s.io/node"));
            });
  }

  private static String outcomeOf(Pod pod) {
    Map<String, String> annotations = pod.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get("testenv.starlingx.org/outcome");
  }

  /**
   * Stops playing: every played container is told to stop, and is waited for (at most a minute), so
   * nothing it runs outlives the test.
   */
  @Override
  public void close() {
    closed = true;
    informer.close();
    kubelet.shutdown();
    try {
      if (!kubelet.awaitTermination(1, TimeUnit.MINUTES)) {
        kubelet.shutdownNow();
      }
    } catch (InterruptedException e) {
      kubelet.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
