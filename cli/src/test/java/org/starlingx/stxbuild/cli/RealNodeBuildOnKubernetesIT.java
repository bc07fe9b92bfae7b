package org.starlingx.stxbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.demo.DemoJob;
import org.starlingx.stxbuild.engine.demo.StaticUpstream;
import org.starlingx.stxbuild.engine.pods.RoleSettings;
import org.starlingx.stxbuild.engine.repo.AptSource;
import org.starlingx.stxbuild.engine.repo.pulp.PulpPackageRepository;
import org.starlingx.stxbuild.engine.scope.BuildScope;
import org.starlingx.stxbuild.engine.scope.NamingPolicy;
import org.starlingx.stxbuild.engine.scope.ScopeNames;
import org.starlingx.stxbuild.testenv.kube.KubeCluster;
import org.starlingx.stxbuild.testenv.kube.KubeClusterExtension;
import org.starlingx.stxbuild.testenv.kube.RealNode;
import org.starlingx.stxbuild.testenv.kube.TestNamespace;
import org.starlingx.stxbuild.testenv.pulp.PulpEndpoint;
import org.starlingx.stxbuild.testenv.pulp.PulpServerExtension;

/**
 * {@code stx-build build --on kubernetes} with every pkgbuilder pod on the testenv's real node:
 * containerd runs the project's own pkgbuilder image ({@code testenv/self-images.sh}), whose {@code
 * stx-build pkgbuild} builds the package for real in its chroot (overlay and namespaces inside the
 * container: CAP_SYS_ADMIN and CAP_SYS_CHROOT, see docs/isolated-builds.md), sources from Pulp,
 * in-tree build-deps from the session, results into the session. Nothing is played. Then the same
 * packages build locally in the same chroot and the {@code .deb}s must be the same bytes.
 *
 * <p>CI builds {@code stx-hello} and its in-tree build-dep {@code libstxsample}; {@code
 * -Dstx.realnode.all=true} builds the whole sample tree.
 */
@ExtendWith({KubeClusterExtension.class, PulpServerExtension.class})
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class RealNodeBuildOnKubernetesIT {
  static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
  private static final boolean ALL = Boolean.getBoolean("stx.realnode.all");
  @TempDir Path work;

  @Test
  void packagesBuildForRealInPodsOnTheRealNodeAndMatchTheLocalBuild(
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
    Path password = Files.writeString(work.resolve("pulp-password"), endpoint.password());
    Path podYaml = Files.writeString(work.resolve("pod.yaml"), podYaml(node));
    String project = "real" + Long.toHexString(System.nanoTime()).substring(8);
    List<String> packages = ALL ? List.of() : List.of("stx-hello");

    CliRun pods;
    CliRun local;
    try (StaticUpstream upstream =
        new StaticUpstream(REPOSITORY.resolve("samples/stx-sample-upstream"))) {
      long t0 = System.nanoTime();
      pods =
          run(
              endpoint,
              password,
              upstream,
              project,
              "pods",
              packages,
              PodBuildArgs.inPods(cluster, namespace, podYaml, image, node, 2));
      long podsMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      System.out.println(pods.out());
      assertThat(pods.exit()).as(pods.out() + pods.err() + logs("pods")).isZero();
      // Every package's pod ran on the real node (none on a KWOK node, where nothing would run).
      assertThat(pods.out())
          .contains("on node " + node.name())
          .doesNotContainPattern("on node stx-node-\\d");
      t0 = System.nanoTime();
      local = run(endpoint, password, upstream, project, "local", packages, List.of());
      long localMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      assertThat(local.exit()).as(local.out() + local.err() + logs("local")).isZero();
      System.out.printf(
          "real-node build: pods %d ms, local chroot %d ms (%s)%n",
          podsMs, localMs, ALL ? "whole sample tree" : "stx-hello + libstxsample");
    }
    assertThat(client.pods().list().getItems()).as("no pod is left").isEmpty();

    PulpPackageRepository pulp = new PulpPackageRepository(TestPulpClients.connect(endpoint), null);
    Map<String, String> fromPods = debs(pulp, project, "pods");
    Map<String, String> fromLocal = debs(pulp, project, "local");
    System.out.println("pods:  " + fromPods);
    System.out.println("local: " + fromLocal);
    assertThat(fromPods.keySet())
        .as("the pods' .debs are in their session")
        .contains("stx-hello")
        .hasSizeGreaterThan(1)
        .isEqualTo(fromLocal.keySet());
    // Reproducible: the same chroot, the same environment, the same bytes.
    assertThat(fromPods).isEqualTo(fromLocal);
  }

  private CliRun run(
      PulpEndpoint endpoint,
      Path password,
      StaticUpstream upstream,
      String project,
      String branch,
      List<String> packages,
      List<String> extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "build",
                "--tree",
                REPOSITORY.resolve("samples/stx-sample-tree").toString(),
                "--pulp-url",
                endpoint.apiUrl().toString(),
                "--pulp-content-url",
                endpoint.contentUrl().toString(),
                "--pulp-password-file",
                password.toString(),
                "--mirror-rewrite",
                DemoJob.SAMPLE_UPSTREAM + "=" + upstream.baseUrl(),
                "--user",
                "real-it",
                "--project",
                project,
                "--branch",
                branch,
                "--build-id",
                "1",
                // The shared Pulp holds earlier runs' builds of the same inputs: build for real.
                "--force",
                "--work",
                work.resolve(branch).toString()));
    if (!packages.isEmpty()) {
      args.addAll(List.of("--packages", String.join(",", packages)));
    }
    args.addAll(extra);
    return CliRun.of(args.toArray(String[]::new));
  }

  /** The packages' logs of a run, for a failure's message. */
  private String logs(String branch) throws java.io.IOException {
    StringBuilder all = new StringBuilder();
    try (var files = Files.walk(work.resolve(branch).resolve("logs"))) {
      for (Path log : files.filter(f -> f.toString().endsWith(".log")).toList()) {
        all.append("\n==> ").append(log).append('\n').append(Files.readString(log));
      }
    }
    return all.toString();
  }

  /** The pod override: every pod on the real node ({@link RealNodePodYaml#pinned}). */
  static String podYaml(RealNode node) {
    return RealNodePodYaml.pinned(node);
  }

  /** Package name to the SHA256 of its .deb, from the branch's published apt index. */
  static Map<String, String> debs(PulpPackageRepository pulp, String project, String branch)
      throws Exception {
    String line =
        new ScopeNames(new BuildScope("real-it", project, branch, "1"), NamingPolicy.DEFAULT)
            .line();
    AptSource source =
        pulp.branchSource(line).orElseThrow(() -> new AssertionError("no branch " + line));
    URI packages =
        URI.create(source.url().toString().replaceAll("/*$", "/"))
            .resolve(
                "dists/" + source.suite() + "/" + source.component() + "/binary-amd64/Packages");
    String index =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(packages).build(), HttpResponse.BodyHandlers.ofString())
            .body();
    Map<String, String> debs = new TreeMap<>();
    for (String stanza : index.split("\n\n")) {
      Matcher name = Pattern.compile("(?m)^Package: (\\S+)").matcher(stanza);
      Matcher sha = Pattern.compile("(?m)^SHA256: (\\S+)").matcher(stanza);
      if (name.find() && sha.find()) {
        debs.put(name.group(1), sha.group(1));
      }
    }
    return debs;
  }
}
