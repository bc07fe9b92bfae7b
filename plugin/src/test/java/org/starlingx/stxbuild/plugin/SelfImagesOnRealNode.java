package org.starlingx.stxbuild.plugin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.starlingx.stxbuild.engine.images.SelfImages;
import org.starlingx.stxbuild.testenv.kube.RealNode;

/**
 * The project's builder and pkgbuilder images with this build's {@code stx-build.jar}, built and
 * pushed by {@code testenv/self-images.sh} (another session may push others under the same tags at
 * any time), and named by digest so the real node runs exactly these.
 */
final class SelfImagesOnRealNode {
  private SelfImagesOnRealNode() {}

  record Pinned(String builder, String pkgbuilder) {}

  static synchronized Pinned ensure(RealNode node, String codename, Path log) throws Exception {
    SelfImages names =
        new SelfImages(node.registry() + "/starlingx-build", SelfImages.projectVersion());
    Path repository = Path.of("").toAbsolutePath().getParent();
    Process build =
        new ProcessBuilder("bash", "testenv/self-images.sh", "--codenames", codename)
            .directory(repository.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (build.waitFor() != 0) {
      throw new IllegalStateException(
          "testenv/self-images.sh failed (exit " + build.exitValue() + "), see " + log);
    }
    return new Pinned(
        pinned(node, names.builder(), "stx-build-builder"),
        pinned(node, names.pkgbuilder(codename), "stx-build-pkgbuilder"));
  }

  private static String pinned(RealNode node, String image, String repository) throws Exception {
    String tag = image.substring(image.lastIndexOf(':') + 1);
    URI manifest =
        URI.create(
            "http://"
                + node.registry()
                + "/v2/starlingx-build/"
                + repository
                + "/manifests/"
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
}
