package org.starlingx.stxbuild.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.starlingx.stxbuild.engine.images.SelfImages;
import org.starlingx.stxbuild.testenv.kube.RealNode;

/**
 * The project's pkgbuilder image in the testenv registry, as the real node pulls it: built and
 * pushed by {@code testenv/self-images.sh} when the registry lacks it (a fresh machine), reused
 * otherwise. {@code -Dstx.selfimages.rebuild=true} builds it again (after changing {@code stx-build
 * pkgbuild}).
 */
final class PkgbuilderImage {
  private PkgbuilderImage() {}

  /** Image by codename, built once per test JVM: later tests of the run take the same digest. */
  private static final java.util.Map<String, String> ENSURED = new java.util.HashMap<>();

  static synchronized String ensure(RealNode node, String codename) throws Exception {
    String ensured = ENSURED.get(codename);
    if (ensured == null) {
      ensured = build(node, codename);
      ENSURED.put(codename, ensured);
    }
    return ensured;
  }

  private static String build(RealNode node, String codename) throws Exception {
    SelfImages names =
        new SelfImages(node.registry() + "/starlingx-build", SelfImages.projectVersion());
    String image = names.pkgbuilder(codename);
    String tag = image.substring(image.lastIndexOf(':') + 1);
    if (Boolean.getBoolean("stx.selfimages.reuse") && present(node, tag)) {
      return pinned(node, image, tag);
    }
    Path repository = Path.of("").toAbsolutePath().getParent();
    Process build =
        new ProcessBuilder("bash", "testenv/self-images.sh", "--codenames", codename)
            .directory(repository.toFile())
            .inheritIO()
            .start();
    if (build.waitFor() != 0 || !present(node, tag)) {
      throw new IllegalStateException(
          "testenv/self-images.sh did not push " + image + " (exit " + build.exitValue() + ")");
    }
    return pinned(node, image, tag);
  }

  /**
   * The image by its digest: the tag stays the same from build to build, and a kubelet that holds
   * an image under that tag would run the old one (IfNotPresent).
   */
  private static String pinned(RealNode node, String image, String tag)
      throws IOException, InterruptedException {
    URI manifest =
        URI.create(
            "http://"
                + node.registry()
                + "/v2/starlingx-build/stx-build-pkgbuilder/manifests/"
                + tag);
    HttpResponse<Void> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(manifest)
                    .method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .header(
                        "Accept",
                        "application/vnd.oci.image.manifest.v1+json,"
                            + "application/vnd.docker.distribution.manifest.v2+json")
                    .build(),
                HttpResponse.BodyHandlers.discarding());
    String digest =
        response
            .headers()
            .firstValue("Docker-Content-Digest")
            .orElseThrow(() -> new IllegalStateException("no digest for " + manifest));
    return image + "@" + digest;
  }

  private static boolean present(RealNode node, String tag)
      throws IOException, InterruptedException {
    URI tags =
        URI.create(
            "http://" + node.registry() + "/v2/starlingx-build/stx-build-pkgbuilder/tags/list");
    HttpResponse<String> response =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .build()
            .send(HttpRequest.newBuilder(tags).build(), HttpResponse.BodyHandlers.ofString());
    return response.statusCode() == 200 && response.body().contains("\"" + tag + "\"");
  }
}
