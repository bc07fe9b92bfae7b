package org.starlingx.stxbuild.engine.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.exec.CommandRunner;
import org.starlingx.stxbuild.engine.repo.AptSource;
import org.starlingx.stxbuild.engine.source.StxSourceTree;

/**
 * The sample tree's listed image, built FROM a base carrying the build's apt source and pushed with
 * its versioned and latest names to a real registry (testenv/registry.sh: CNCF distribution on
 * loopback), where the registry's own API then lists both tags.
 */
class LocalImageSetPushIT {
  static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

  @TempDir Path work;

  @Test
  void theListedImageIsBuiltAndPushedWithItsVersionedAndLatestNames() throws Exception {
    String registry =
        CommandRunner.run(
                REPOSITORY,
                List.of("bash", REPOSITORY.resolve("testenv/registry.sh").toString(), "up"))
            .output()
            .lines()
            .reduce((a, b) -> b)
            .orElseThrow()
            .strip();
    String version = "t" + Long.toHexString(System.nanoTime());
    ImageTags tags = new ImageTags(registry, "starlingx", "master", "debian", "stable", version);
    Path auth = work.resolve("config.json");
    Files.writeString(auth, "{\"auths\":{\"" + registry + "\":{\"auth\":\"dGVzdDp0ZXN0\"}}}");
    LocalImageSet set =
        new LocalImageSet(
            new BuildahImageBuilder(work.resolve("storage")),
            tags,
            new LocalImageSet.Push(auth, false));

    String base =
        set.buildBase(
            Files.createDirectories(work.resolve("rootfs")),
            AptSource.parse(
                "deb [trusted=yes] http://pulp.example/stx/branches/master default all"));
    List<ImageDirective> images =
        DockerImageList.read(
            StxSourceTree.open(REPOSITORY.resolve("samples/stx-sample-tree")),
            "debian",
            "bookworm",
            "stable",
            Set.of(),
            Set.of());
    List<LocalImageSet.Outcome> outcomes = set.build(images, base, work.resolve("out"));

    assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.built()).isTrue());
    HttpResponse<String> tagList =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://" + registry + "/v2/starlingx/stx-sample-tool/tags/list"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(tagList.statusCode()).isEqualTo(200);
    List<String> pushed = new ArrayList<>();
    new ObjectMapper().readTree(tagList.body()).path("tags").forEach(t -> pushed.add(t.asText()));
    assertThat(pushed).contains("master-debian-stable-" + version, "master-debian-stable-latest");
    assertThat(Files.readAllLines(work.resolve("out/images-debian-stable-versioned.lst")))
        .containsExactly(tags.versioned("stx-sample-tool"));
  }
}
