package org.starlingx.stxbuild.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The kubernetes-plugin's agent ({@code jnlp}) image for testenv's real node, made by
 * testenv/jenkins-agent-image.sh from the remoting jar this Jenkins runs with (the one on the test
 * class path, so agent and controller always match) and pushed to the testenv registry. The script
 * builds once per remoting version; later calls only find it in the registry.
 */
final class TestenvAgentImage {
  private TestenvAgentImage() {}

  /** The image as pods pull it, from {@code podRegistry} (e.g. 10.213.0.1:25000). */
  static String ensure(String podRegistry, Path log) throws IOException, InterruptedException {
    Path jar = remotingJar();
    Path script = projectRoot().resolve("testenv/jenkins-agent-image.sh");
    Process process =
        new ProcessBuilder(List.of("bash", script.toString(), jar.toString()))
            .redirectError(log.toFile())
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException(
          "testenv/jenkins-agent-image.sh "
              + jar
              + " failed: "
              + Files.readString(log, StandardCharsets.UTF_8).strip());
    }
    List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
    if (lines.isEmpty()) {
      throw new IllegalStateException("testenv/jenkins-agent-image.sh printed no image name");
    }
    String pushed = lines.get(lines.size() - 1).strip();
    // the registry as the host pushed to it, replaced by the one pods pull from
    return podRegistry + pushed.substring(pushed.indexOf('/'));
  }

  static Path remotingJar() {
    try {
      return Path.of(
          hudson.remoting.Launcher.class
              .getProtectionDomain()
              .getCodeSource()
              .getLocation()
              .toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the remoting jar on the class path", e);
    }
  }

  private static Path projectRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("testenv/jenkins-agent-image.sh"))) {
        return d;
      }
    }
    throw new UncheckedIOException(
        new IOException("testenv/jenkins-agent-image.sh not found above " + dir));
  }
}
