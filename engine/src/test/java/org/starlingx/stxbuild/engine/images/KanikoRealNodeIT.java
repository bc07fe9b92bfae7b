package org.starlingx.stxbuild.engine.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.pods.BuildPodFactory;
import org.starlingx.stxbuild.engine.pods.BuildRole;
import org.starlingx.stxbuild.engine.pods.RoleSettings;
import org.starlingx.stxbuild.engine.repo.FileDigests;
import org.starlingx.stxbuild.engine.repo.pulp.PulpClient;
import org.starlingx.stxbuild.engine.repo.pulp.PulpDistribution;
import org.starlingx.stxbuild.engine.repo.pulp.PulpRepositories;
import org.starlingx.stxbuild.engine.repo.pulp.PulpRepository;
import org.starlingx.stxbuild.engine.repo.pulp.PulpTestClients;
import org.starlingx.stxbuild.engine.schedule.AbortSignal;
import org.starlingx.stxbuild.engine.scope.BuildScope;
import org.starlingx.stxbuild.engine.scope.NamespaceStrategy;
import org.starlingx.stxbuild.engine.scope.NamingPolicy;
import org.starlingx.stxbuild.engine.scope.ScopeNames;
import org.starlingx.stxbuild.testenv.kube.KubeClusterExtension;
import org.starlingx.stxbuild.testenv.kube.RealNode;
import org.starlingx.stxbuild.testenv.kube.TestNamespace;
import org.starlingx.stxbuild.testenv.pulp.PulpEndpoint;
import org.starlingx.stxbuild.testenv.pulp.PulpServerExtension;

/**
 * A real kaniko build: the engine's image-builder pod (the maintained kaniko fork's executor, built
 * by testenv from its Go module) runs on the real node, takes its context from Pulp over HTTPS,
 * builds FROM the testenv registry's Debian image with a COPY and a RUN, and pushes to the testenv
 * registry, whose manifest and layers the test reads back.
 */
@ExtendWith({KubeClusterExtension.class, PulpServerExtension.class})
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class KanikoRealNodeIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path work;
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private PulpClient pulp;

  @AfterEach
  void deleteWhatTheTestCreated() {
    if (pulp != null) {
      PulpTestClients.deleteLabelled(pulp, "stx.run=" + run);
    }
  }

  @Test
  void kanikoBuildsFromAPulpContextAndPushesToTheRegistry(
      KubernetesClient client, TestNamespace namespace, RealNode node, PulpEndpoint endpoint)
      throws Exception {
    pulp = PulpTestClients.connect(endpoint);
    String dockerfile =
        "FROM "
            + node.image("debian")
            + "\nCOPY greeting.txt /etc/stx-greeting\n"
            + "RUN echo \"built by kaniko $(cat /etc/stx-greeting)\" > /etc/stx-built\n";
    Path context = contextTarGz(Map.of("Dockerfile", dockerfile, "greeting.txt", "hello " + run));
    String contextUrl = servedOverHttps(node, context);

    client
        .serviceAccounts()
        .resource(
            new ServiceAccountBuilder()
                .withNewMetadata()
                .withName(RoleSettings.BUILD_POD_SERVICE_ACCOUNT)
                .endMetadata()
                .build())
        .create();
    RoleSettings kaniko =
        new RoleSettings(
            node.image("kaniko"),
            "100m",
            "2",
            "128Mi",
            "1Gi",
            "2Gi",
            node.nodeSelector(),
            List.of(node.toleration()),
            RoleSettings.BUILD_POD_SERVICE_ACCOUNT,
            600);
    PodImageBuild images =
        new PodImageBuild(
                client,
                new BuildPodFactory(
                    new ScopeNames(
                        new BuildScope("alice", "stx", "master", "9"),
                        new NamingPolicy(NamespaceStrategy.SHARED, namespace.name(), "stx-")),
                    Map.of(BuildRole.IMAGE_BUILDER, kaniko)))
            .withInsecureRegistries(List.of(node.registry()));
    String repository = "stx-testenv/kaniko-it";
    String destination = node.registry() + "/" + repository + ":" + run;

    PodImageBuild.Result result =
        images.run(
            "kaniko-" + run,
            PodImageBuild.Builder.KANIKO,
            contextUrl,
            "Dockerfile",
            destination,
            null,
            null,
            Map.of(),
            Duration.ofMinutes(6),
            new AbortSignal());

    assertThat(result.succeeded()).as(result.detail()).isTrue();
    // Read the pushed image back from the registry's own API (on loopback, as the host sees it).
    String registry =
        "http://127.0.0.1:" + node.registry().substring(node.registry().indexOf(':') + 1);
    JsonNode manifest =
        JSON.readTree(
            get(
                registry + "/v2/" + repository + "/manifests/" + run,
                "application/vnd.oci.image.manifest.v1+json,"
                    + " application/vnd.docker.distribution.manifest.v2+json"));
    JsonNode layers = manifest.path("layers");
    assertThat(layers.size()).as("the base layer, COPY and RUN").isGreaterThanOrEqualTo(3);
    List<String> files = new ArrayList<>();
    String built = null;
    for (JsonNode layer : layers) {
      byte[] blob =
          get(registry + "/v2/" + repository + "/blobs/" + layer.path("digest").asText(), "*/*");
      if (blob.length > 10_000_000) {
        continue; // the Debian base layer
      }
      Path layerFile = Files.write(work.resolve("layer.tar.gz"), blob);
      List<String> names = tar("-tzf", layerFile.toString()).lines().toList();
      files.addAll(names);
      for (String entry : names) {
        if (entry.endsWith("etc/stx-built")) {
          built = tar("-xzOf", layerFile.toString(), entry);
        }
      }
    }
    assertThat(files).anyMatch(f -> f.endsWith("etc/stx-greeting"));
    assertThat(built).isEqualTo("built by kaniko hello " + run + "\n");
    assertThat(client.pods().list().getItems()).as("the build pod is removed").isEmpty();
  }

  private Path contextTarGz(Map<String, String> files) throws Exception {
    Path dir = Files.createDirectories(work.resolve("context"));
    for (var file : files.entrySet()) {
      Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
    }
    Path tarGz = work.resolve("context.tar.gz");
    tar("-czf", tarGz.toString(), "-C", dir.toString(), ".");
    return tarGz;
  }

  /** Runs tar (GNU tar: what the context and the layers are); its standard output. */
  private static String tar(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("tar"));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
    return out;
  }

  /** Publishes the context as Pulp file content; its URL on the bridge's HTTPS endpoint. */
  private String servedOverHttps(RealNode node, Path context) {
    Map<String, String> labels = Map.of("stx.run", run);
    String name = "stx-kaniko-context-" + run;
    PulpRepositories repositories = pulp.files().repositories();
    PulpRepository repository = repositories.create(name, labels);
    String artifact = pulp.artifacts().ensure(context, FileDigests.of(context).sha256()).href();
    String content = pulp.files().create("context-" + run + ".tar.gz", artifact);
    repositories.modify(repository.href(), List.of(content), List.of(), null);
    String publication = pulp.files().publishLatest(repository.href());
    PulpDistribution distribution =
        repositories.createDistribution(name, "stx/test/kaniko-" + run, publication, labels);
    URI served = distribution.baseUrl().resolve("context-" + run + ".tar.gz");
    return node.pulpContentHttpsUrl() + served.getRawPath();
  }

  private static byte[] get(String url, String accept) throws Exception {
    HttpResponse<byte[]> response =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build()
            .send(
                HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as("GET " + url).isEqualTo(200);
    return response.body();
  }
}
