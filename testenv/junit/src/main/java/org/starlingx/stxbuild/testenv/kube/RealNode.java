package org.starlingx.stxbuild.testenv.kube;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.starlingx.stxbuild.testenv.TestenvHome;

/**
 * The one real node of the testenv cluster ({@code testenv/kube.sh}, see docs/testenv.md): a
 * kubelet with containerd and runc that runs pods' containers for real. Its taint keeps every pod
 * that does not ask for it on the KWOK nodes; a test asks with {@link #nodeSelector()} and {@link
 * #toleration()} (or {@link #placementYaml()} for a pod override fragment).
 *
 * @param name the node's name
 * @param labelKey the label only this node carries; {@code labelValue} its value
 * @param taintKey the taint's key ({@code NoSchedule}, value {@code true})
 * @param address the node's address on the testenv bridge: pods reach the host's services here
 * @param registry {@code host:port} of the testenv registry as the node and its pods see it
 * @param pulpContentUrl Pulp's content app as pods see it; {@code pulpApiUrl} its API
 * @param pulpContentHttpsUrl the content app over HTTPS (certificate from the cluster CA, which
 *     testenv's kaniko image trusts): kaniko takes remote build contexts from https:// only
 * @param containerdAddress the node's containerd socket ({@code ctr --address})
 * @param images images testenv built and pushed to the registry, by role ({@code debian}, {@code
 *     kaniko})
 * @param aptProxyUrl the apt caching proxy (apt-cacher-ng) on the bridge: the one way pods reach a
 *     Debian mirror ({@code stx-build build --pod-apt-proxy})
 */
public record RealNode(
    String name,
    String labelKey,
    String labelValue,
    String taintKey,
    String address,
    String registry,
    String pulpContentUrl,
    String pulpApiUrl,
    String pulpContentHttpsUrl,
    String containerdAddress,
    Map<String, String> images,
    String aptProxyUrl) {

  /** Reads {@code $STX_TESTENV_HOME/kube/real-node.properties}, written by kube.sh up. */
  static RealNode fromTestenv() {
    Path file = propertiesFile();
    Properties p = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return new RealNode(
        require(p, "name", file),
        require(p, "label.key", file),
        require(p, "label.value", file),
        require(p, "taint.key", file),
        require(p, "address", file),
        require(p, "registry", file),
        require(p, "pulp.content.url", file),
        require(p, "pulp.api.url", file),
        require(p, "pulp.content.https.url", file),
        require(p, "containerd.address", file),
        Map.of(
            "debian", require(p, "image.debian", file),
            "kaniko", require(p, "image.kaniko", file)),
        require(p, "apt.proxy.url", file));
  }

  static Path propertiesFile() {
    return TestenvHome.path().resolve("kube").resolve("real-node.properties");
  }

  private static String require(Properties p, String key, Path file) {
    String value = p.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          file + " has no " + key + "; run testenv/kube.sh up to write it again");
    }
    return value;
  }

  /** The node selector that picks this node. */
  public Map<String, String> nodeSelector() {
    return Map.of(labelKey, labelValue);
  }

  /** The toleration of its taint, as {@code key=value:Effect} (RoleSettings' form). */
  public String toleration() {
    return taintKey + "=true:NoSchedule";
  }

  /** A pod YAML fragment placing a pod on this node (node selector and toleration). */
  public String placementYaml() {
    return "spec:\n  nodeSelector:\n    "
        + labelKey
        + ": \""
        + labelValue
        + "\"\n  tolerations:\n  - key: "
        + taintKey
        + "\n    operator: Equal\n    value: \"true\"\n    effect: NoSchedule\n";
  }

  /** An image testenv pushed to its registry: {@code debian} (bookworm minbase), {@code kaniko}. */
  public String image(String role) {
    String image = images.get(role);
    if (image == null) {
      throw new IllegalArgumentException(
          "no testenv image '" + role + "'; known: " + images.keySet());
    }
    return image;
  }

  /**
   * The containers containerd runs for pods of {@code namespace} (Kubernetes namespace), with a
   * running task: what {@code ctr -n k8s.io tasks ls} shows for them.
   */
  public List<String> runningContainers(String namespace) {
    List<String> ids =
        ctr("containers", "ls", "-q", "labels.\"io.kubernetes.pod.namespace\"==" + namespace);
    List<String> tasks = ctr("tasks", "ls");
    List<String> running = new ArrayList<>();
    for (String line : tasks) {
      String[] fields = line.trim().split("\\s+");
      if (fields.length >= 3 && ids.contains(fields[0]) && "RUNNING".equals(fields[2])) {
        running.add(fields[0]);
      }
    }
    return running;
  }

  /** Every container (running or not) containerd keeps for pods of {@code namespace}. */
  public List<String> containers(String namespace) {
    return ctr("containers", "ls", "-q", "labels.\"io.kubernetes.pod.namespace\"==" + namespace);
  }

  private List<String> ctr(String... args) {
    List<String> command =
        new ArrayList<>(List.of("ctr", "--address", containerdAddress, "-n", "k8s.io"));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + out.strip());
      }
      return out.lines().filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + String.join(" ", command), e);
    }
  }
}
