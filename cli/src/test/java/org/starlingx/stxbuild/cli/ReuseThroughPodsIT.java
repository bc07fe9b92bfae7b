package org.starlingx.stxbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.demo.DemoJob;
import org.starlingx.stxbuild.engine.demo.StaticUpstream;
import org.starlingx.stxbuild.engine.pods.RoleSettings;
import org.starlingx.stxbuild.engine.repo.pulp.PulpClient;
import org.starlingx.stxbuild.testenv.kube.KubeCluster;
import org.starlingx.stxbuild.testenv.kube.KubeClusterExtension;
import org.starlingx.stxbuild.testenv.kube.RealNode;
import org.starlingx.stxbuild.testenv.kube.TestNamespace;
import org.starlingx.stxbuild.testenv.pulp.PulpEndpoint;
import org.starlingx.stxbuild.testenv.pulp.PulpServerExtension;

/**
 * Reuse through the shared repository when packages build in pods ({@code stx-build build --on
 * kubernetes}, every package pod running for real on the testenv's real node: the project's
 * pkgbuilder image by digest, a fresh container per package; each build gets a fresh {@code
 * --work}, i.e. a fresh build pod): user A's first build builds every package; A's next build
 * rebuilds nothing; user B's first build of the same project and branch rebuilds nothing and sends
 * no byte. The tree is the sample with a file unique to this run in every package, so nothing of an
 * earlier run is reusable. Bytes are what each pod's {@code stx-build pkgbuild} reports it sent to
 * Pulp and did not send because Pulp had them (its log, kept by the build per package); the CLI
 * itself sends a source package only to a pod it starts. Prints per build: packages built and
 * reused, pods, bytes uploaded and bytes not sent because Pulp had them, wall time.
 */
@ExtendWith({KubeClusterExtension.class, PulpServerExtension.class})
class ReuseThroughPodsIT {
  private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
  private static final Pattern POD = Pattern.compile("pod (\\S+) on node (\\S+), running after");
  private static final Pattern SENT =
      Pattern.compile("pkgbuild: sent (\\d+) bytes to Pulp, (\\d+) bytes not sent");
  private static final Pattern SUMMARY =
      Pattern.compile("(\\d+) built, (\\d+) reused, (\\d+) failed, (\\d+) skipped");

  @TempDir Path work;

  /** What one build did, as its summary line and its pods say. */
  private record Measured(
      String build,
      int built,
      int reused,
      int failed,
      int pods,
      long uploaded,
      long deduplicated,
      double seconds) {}

  @Test
  void aFreshPodOfAAndBsFirstBuildRebuildNothingAndUploadNothing(
      KubernetesClient client,
      TestNamespace namespace,
      KubeCluster cluster,
      PulpEndpoint endpoint,
      RealNode node)
      throws Exception {
    String image = PkgbuilderImage.ensure(node, "bullseye");
    client
        .serviceAccounts()
        .resource(
            new ServiceAccountBuilder()
                .withNewMetadata()
                .withName(RoleSettings.BUILD_POD_SERVICE_ACCOUNT)
                .endMetadata()
                .build())
        .create();
    String run = Long.toHexString(System.nanoTime()).substring(6);
    String project = "reuse" + run;
    Path tree = uniqueSampleTree(run);
    List<Measured> figures = new ArrayList<>();
    try (StaticUpstream upstream =
        new StaticUpstream(REPOSITORY.resolve("samples/stx-sample-upstream"))) {
      Build builds = new Build(namespace, cluster, endpoint, node, image, upstream, tree, project);

      Measured a1 = builds.run("A, first build", "usera-" + run, "1");
      figures.add(a1);
      assertThat(a1.built()).as("A's first build builds every package").isPositive();
      assertThat(a1.reused()).as("nothing of an earlier run is reusable").isZero();
      assertThat(a1.pods()).as("one pod per package").isEqualTo(a1.built());
      // The sample builds reproducibly: .debs identical to earlier runs' are not sent again
      // (deduplicated), but the pods did offer their results to Pulp.
      assertThat(a1.uploaded() + a1.deduplicated()).as("bytes the pods offered").isPositive();

      Measured a2 = builds.run("A, fresh pods", "usera-" + run, "2");
      figures.add(a2);
      assertThat(a2.built()).as("a fresh pod of A rebuilds nothing").isZero();
      assertThat(a2.reused()).isEqualTo(a1.built());
      assertThat(a2.pods()).as("no package pod is started").isZero();
      assertThat(a2.uploaded()).isZero();
      assertThat(a2.deduplicated()).isZero();

      Measured b1 = builds.run("B, first build", "userb-" + run, "1");
      figures.add(b1);
      assertThat(b1.built()).as("B's first build rebuilds nothing").isZero();
      assertThat(b1.reused()).isEqualTo(a1.built());
      assertThat(b1.pods()).as("no package pod is started").isZero();
      assertThat(b1.uploaded()).as("B's first build sends no byte").isZero();
      assertThat(b1.deduplicated()).as("B's first build offers no file").isZero();
    } finally {
      deleteLabelled(TestPulpClients.connect(endpoint), "stx.project=" + project);
      print(figures);
    }
  }

  /** Runs {@code stx-build build --on kubernetes} as one user, its pods on the real node. */
  private final class Build {
    private final TestNamespace namespace;
    private final KubeCluster cluster;
    private final PulpEndpoint endpoint;
    private final RealNode node;
    private final String image;
    private final StaticUpstream upstream;
    private final Path tree;
    private final String project;
    private final Path password;
    private final Path podYaml;

    Build(
        TestNamespace namespace,
        KubeCluster cluster,
        PulpEndpoint endpoint,
        RealNode node,
        String image,
        StaticUpstream upstream,
        Path tree,
        String project)
        throws IOException {
      this.namespace = namespace;
      this.cluster = cluster;
      this.endpoint = endpoint;
      this.node = node;
      this.image = image;
      this.upstream = upstream;
      this.tree = tree;
      this.project = project;
      this.password = Files.writeString(work.resolve("pulp-password"), endpoint.password());
      this.podYaml = Files.writeString(work.resolve("pod.yaml"), RealNodePodYaml.pinned(node));
    }

    Measured run(String name, String user, String buildId) throws IOException {
      Path buildWork = work.resolve("work-" + user + "-" + buildId);
      long start = System.nanoTime();
      List<String> args = new ArrayList<>(List.of("build"));
      args.addAll(PodBuildArgs.inPods(cluster, namespace, podYaml, image, node, 2));
      args.addAll(PodBuildArgs.pulp(endpoint, password));
      args.addAll(
          List.of(
              "--tree",
              tree.toString(),
              "--mirror-rewrite",
              DemoJob.SAMPLE_UPSTREAM + "=" + upstream.baseUrl(),
              "--user",
              user,
              "--project",
              project,
              "--build-id",
              buildId,
              "--reuse-scope",
              "everything",
              // A fresh build pod: nothing of an earlier build on this disk.
              "--work",
              buildWork.toString()));
      if (!Boolean.getBoolean("stx.it.reuseAll")) {
        // In CI: libstxsample, one real pod (about 85 s here): reuse is per package, and in-tree
        // build-deps through the session are proven in real pods by RealNodeBuildOnKubernetesIT;
        // -Dstx.it.reuseAll=true builds the whole sample tree (9 packages).
        args.addAll(List.of("--packages", "libstxsample"));
      }
      CliRun cli = CliRun.of(args.toArray(String[]::new));
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.println(cli.out());
      assertThat(cli.exit()).as(cli.out() + cli.err()).isZero();
      Matcher summary = SUMMARY.matcher(cli.out());
      assertThat(summary.find()).as(cli.out()).isTrue();
      // The progress line and the report may both name a pod: count pods, not lines.
      java.util.Set<String> podNames = new java.util.HashSet<>();
      Matcher pod = POD.matcher(cli.out());
      while (pod.find()) {
        podNames.add(pod.group(1));
        assertThat(pod.group(2))
            .as("every package pod runs on the real node")
            .isEqualTo(node.name());
      }
      int pods = podNames.size();
      long uploaded = 0;
      long deduplicated = 0;
      int reports = 0;
      for (String log : packageLogs(buildWork)) {
        Matcher sent = SENT.matcher(log);
        while (sent.find()) {
          reports++;
          uploaded += Long.parseLong(sent.group(1));
          deduplicated += Long.parseLong(sent.group(2));
        }
      }
      // Every pod that built says what it sent; a build that reuses everything starts none.
      assertThat(reports).as("pods reporting what they sent").isEqualTo(pods);
      return new Measured(
          name,
          Integer.parseInt(summary.group(1)),
          Integer.parseInt(summary.group(2)),
          Integer.parseInt(summary.group(3)),
          pods,
          uploaded,
          deduplicated,
          seconds);
    }
  }

  /** The packages' logs a build kept (each holds its pod's log). */
  private static List<String> packageLogs(Path buildWork) throws IOException {
    Path logs = buildWork.resolve("logs");
    if (!Files.isDirectory(logs)) {
      return List.of();
    }
    List<String> all = new ArrayList<>();
    try (Stream<Path> files = Files.walk(logs)) {
      for (Path log : files.filter(f -> f.toString().endsWith(".log")).toList()) {
        all.add(Files.readString(log));
      }
    }
    return all;
  }

  /** The sample tree with a file of this run beside every package's metadata. */
  private Path uniqueSampleTree(String run) throws IOException {
    Path sample = REPOSITORY.resolve("samples/stx-sample-tree");
    Path tree = work.resolve("tree");
    try (Stream<Path> walk = Files.walk(sample)) {
      for (Path source : walk.toList()) {
        Path copy = tree.resolve(sample.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(source, copy, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        }
      }
    }
    try (Stream<Path> files = Files.walk(tree)) {
      for (Path meta :
          files.filter(f -> f.getFileName().toString().equals("meta_data.yaml")).toList()) {
        Files.writeString(meta.resolveSibling("it-run"), run + "\n");
      }
    }
    return tree;
  }

  /** Removes what the builds kept in the shared Pulp (sessions, branches, reports). */
  private static void deleteLabelled(PulpClient pulp, String selector) {
    for (var type : List.of(pulp.deb().repositories(), pulp.files().repositories())) {
      type.distributionsLabelled(selector).forEach(d -> pulp.delete(d.href()));
      type.labelled(selector).forEach(r -> pulp.delete(r.href()));
    }
  }

  private static void print(List<Measured> figures) {
    System.out.printf("%nReuse through the shared repository, packages built in pods%n");
    System.out.printf(
        "%-18s | %5s %6s %6s %4s | %10s %14s | %7s%n",
        "build", "built", "reused", "failed", "pods", "uploaded B", "deduplicated B", "wall s");
    for (Measured m : figures) {
      System.out.printf(
          "%-18s | %5d %6d %6d %4d | %10d %14d | %7.1f%n",
          m.build(),
          m.built(),
          m.reused(),
          m.failed(),
          m.pods(),
          m.uploaded(),
          m.deduplicated(),
          m.seconds());
    }
  }
}
