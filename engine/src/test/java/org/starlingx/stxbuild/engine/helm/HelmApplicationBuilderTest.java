package org.starlingx.stxbuild.engine.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.deb.BinaryPackageSpec;
import org.starlingx.stxbuild.engine.deb.DebArchiveBuilder;
import org.starlingx.stxbuild.engine.exec.CommandRunner;
import org.starlingx.stxbuild.engine.repo.FileDigests;

class HelmApplicationBuilderTest {
  @TempDir Path work;

  private Path deb(String name, String version, Map<String, String> files) {
    Map<String, byte[]> bytes = new HashMap<>();
    files.forEach((path, text) -> bytes.put(path, text.getBytes(StandardCharsets.UTF_8)));
    return new DebArchiveBuilder(work.resolve("stage-" + name))
        .build(
            new BinaryPackageSpec(name, version, "all", "test package " + name, bytes),
            work.resolve("debs"));
  }

  private Map<String, Path> builtPackages() {
    return Map.of(
        "stx-demo-app-helm",
        deb(
            "stx-demo-app-helm",
            "1:2.0-3",
            Map.of(
                "/usr/lib/helm/demo-0.1.0.tgz", "chart bytes",
                "/usr/lib/fluxcd/demo/helmrelease.yaml", "kind: HelmRelease\n",
                "/usr/lib/fluxcd/demo/demo-static-overrides.yaml",
                    "image: docker.io/starlingx/stx-demo-tool:master-debian-stable-latest\n"
                        + "other: quay.io/x/unrelated:1\n",
                "/usr/lib/fluxcd/custom-manifests/demo/extra.yaml", "custom: true\n",
                "/usr/lib/application/metadata.yaml",
                    "# the app\napp_name: demo-app\napp_version: 0.0-0\nhelm_repo: stx-platform\n")),
        "stx-plain",
        deb("stx-plain", "1.0-1", Map.of("/usr/bin/plain", "#!/bin/sh\n")));
  }

  private Path unpack(Path tarball) {
    Path dir = work.resolve("unpacked");
    CommandRunner.run(
        work,
        List.of(
            "sh",
            "-c",
            "mkdir -p \"$1\" && tar -xzf \"$2\" -C \"$1\"",
            "x",
            dir.toString(),
            tarball.toString()));
    return dir;
  }

  @Test
  void findsApplicationPackagesByTheirFluxcdManifests() {
    assertThat(new HelmApplicationBuilder(builtPackages()).applicationPackages())
        .containsExactly("stx-demo-app-helm");
  }

  @Test
  void theTarballHoldsChartsManifestsMetadataAndChecksumsWithThisBuildsImages() throws Exception {
    HelmApplication app =
        new HelmApplicationBuilder(builtPackages())
            .build(
                "stx-demo-app-helm",
                "debian-stable-versioned",
                List.of("registry.local:5000/stx/stx-demo-tool:master-debian-stable-20261124"),
                Files.createDirectories(work.resolve("out")));

    assertThat(app.name()).isEqualTo("demo-app");
    assertThat(app.version()).isEqualTo("2.0-3-debian-stable-versioned");
    assertThat(app.tarball().getFileName().toString())
        .isEqualTo("demo-app-2.0-3-debian-stable-versioned.tgz");
    assertThat(app.charts()).containsExactly("demo-0.1.0.tgz");

    Path dir = unpack(app.tarball());
    assertThat(dir.resolve("charts/demo-0.1.0.tgz")).hasContent("chart bytes");
    assertThat(dir.resolve("fluxcd-manifests/demo/helmrelease.yaml")).exists();
    assertThat(dir.resolve("fluxcd-manifests/custom-manifests")).doesNotExist();
    assertThat(Files.readString(dir.resolve("fluxcd-manifests/demo/demo-static-overrides.yaml")))
        .contains("image: registry.local:5000/stx/stx-demo-tool:master-debian-stable-20261124")
        .contains("other: quay.io/x/unrelated:1");
    String metadata = Files.readString(dir.resolve("metadata.yaml"));
    assertThat(metadata)
        .startsWith("# the app\n")
        .contains("app_name: demo-app\n")
        .contains("app_version: 2.0-3-debian-stable-versioned\n")
        .contains("helm_repo: stx-platform\n")
        .containsPattern("build_date: \\d{4}-\\d\\d-\\d\\d ");
    String sums = Files.readString(dir.resolve("checksum.md5"));
    assertThat(sums)
        .contains(
            FileDigests.of(dir.resolve("charts/demo-0.1.0.tgz")).md5()
                + "  ./charts/demo-0.1.0.tgz")
        .contains("./metadata.yaml")
        .doesNotContain("checksum.md5");
    assertThat(work.resolve("out")).isDirectoryNotContaining("glob:**/.helm-*");
  }

  @Test
  void aPackageThatIsNotAnApplicationIsRefusedNamingWhatIsMissing() {
    HelmApplicationBuilder builder = new HelmApplicationBuilder(builtPackages());
    assertThatThrownBy(() -> builder.build("stx-plain", null, List.of(), work))
        .hasMessageContaining("stx-plain")
        .hasMessageContaining("usr/lib/helm");
    assertThatThrownBy(() -> builder.build("stx-missing-helm", null, List.of(), work))
        .hasMessageContaining("'stx-missing-helm' was not built")
        .hasMessageContaining("[stx-demo-app-helm]");
  }

  @Test
  void imageNamesAreTheLastPathPartWithoutTheTag() {
    assertThat(HelmApplicationBuilder.imageName("reg:5000/a/b/stx-x:tag")).isEqualTo("stx-x");
    assertThat(HelmApplicationBuilder.imageName("reg:5000/a/stx-x")).isEqualTo("stx-x");
  }
}
