package org.starlingx.stxbuild.engine.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.starlingx.stxbuild.engine.exec.CommandRunner;

/**
 * Builds images on this machine without a daemon, with Debian's buildah (chroot isolation, vfs
 * storage in a directory of its own), and writes them as OCI layouts. For one user and for tests;
 * in the cluster, image builds run in pods (the daemonless builder role).
 */
public final class BuildahImageBuilder {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path storage;

  /** {@code storage} holds buildah's image store and run state. */
  public BuildahImageBuilder(Path storage) {
    this.storage = storage.toAbsolutePath();
  }

  /** Whether this machine has buildah (a single-user machine may not). */
  public static boolean available() {
    try {
      return new ProcessBuilder("buildah", "--version")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start()
              .waitFor()
          == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Builds the image and writes it as an OCI layout into {@code ociLayout}. */
  public BuiltImage build(ImageBuildRequest request, Path ociLayout) {
    List<String> bud = new ArrayList<>(buildah("bud", "--quiet", "--isolation", "chroot"));
    for (Map.Entry<String, String> arg : request.buildArgs().entrySet()) {
      bud.add("--build-arg");
      bud.add(arg.getKey() + "=" + arg.getValue());
    }
    bud.addAll(List.of("--file", request.dockerfile(), "--tag", request.tag(), "."));
    CommandRunner.run(request.context(), bud);
    List<String> push =
        buildah("push", "--quiet", request.tag(), "oci:" + ociLayout + ":" + request.tag());
    CommandRunner.run(request.context(), push);
    return read(request.tag(), ociLayout);
  }

  /**
   * Pushes image {@code tag} of this store to a registry as {@code destination}. Credentials come
   * from {@code authFile} (a docker config.json), never from the command line; null uses buildah's
   * own lookup ({@code REGISTRY_AUTH_FILE}, the user's auth file).
   */
  public void push(String tag, String destination, Path authFile, boolean tlsVerify) {
    List<String> push = new ArrayList<>(buildah("push", "--quiet"));
    if (authFile != null) {
      push.addAll(List.of("--authfile", authFile.toAbsolutePath().toString()));
    }
    push.add("--tls-verify=" + tlsVerify);
    push.addAll(List.of(tag, "docker://" + destination));
    CommandRunner.run(storage, push);
  }

  /**
   * Makes a base image from a root file system directory (for example debootstrap's output), so
   * images build from a local base with no registry.
   */
  public void baseFromDirectory(Path rootfs, String tag) {
    try {
      Files.createDirectories(storage);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + storage, e);
    }
    String container = CommandRunner.run(storage, buildah("from", "scratch")).output().strip();
    try {
      CommandRunner.run(storage, buildah("copy", container, rootfs.toAbsolutePath() + "/", "/"));
      CommandRunner.run(storage, buildah("commit", "--quiet", container, tag));
    } finally {
      CommandRunner.run(storage, buildah("rm", container));
    }
    pruneReplaced();
  }

  /**
   * An image from a root file system directory on top of {@code from} ({@code scratch} for none),
   * with its environment and command set: the project's own images are made this way.
   */
  public void imageFromDirectory(
      String from, Path dir, String target, Map<String, String> env, List<String> cmd, String tag) {
    try {
      Files.createDirectories(storage);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + storage, e);
    }
    String container =
        CommandRunner.run(storage, buildah("from", "--pull-never", from)).output().strip();
    try {
      CommandRunner.run(storage, buildah("copy", container, dir.toAbsolutePath() + "/", target));
      List<String> config = new ArrayList<>(buildah("config"));
      env.forEach((k, v) -> config.addAll(List.of("--env", k + "=" + v)));
      if (!cmd.isEmpty()) {
        config.addAll(List.of("--cmd", String.join(" ", cmd)));
      }
      config.add(container);
      CommandRunner.run(storage, config);
      CommandRunner.run(
          storage, buildah("commit", "--quiet", "--timestamp", "946684800", container, tag));
    } finally {
      CommandRunner.run(storage, buildah("rm", container));
    }
    pruneReplaced();
  }

  /**
   * Removes the images a new commit took the tag from: they have no name left, nothing builds on
   * them, and in this store (vfs: a full copy per image) each would keep 0.5-0.8 GB on the disk for
   * every rebuild of the project's images.
   */
  private void pruneReplaced() {
    CommandRunner.run(storage, buildah("rmi", "--prune"));
  }

  /** The images of this store that no tag names (left by rebuilding a tag, until pruned). */
  List<String> untaggedImages() {
    String out =
        CommandRunner.run(
                storage, buildah("images", "--quiet", "--no-trunc", "--filter", "dangling=true"))
            .output()
            .strip();
    return out.isEmpty() ? List.of() : List.of(out.split("\\s+"));
  }

  /** Whether this store holds image {@code tag} (built before: a cached layer to build on). */
  public boolean has(String tag) {
    try {
      Process process =
          new ProcessBuilder(buildah("inspect", "--type", "image", tag))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return process.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Mounts an image's root file system (read it, chroot into it); {@link #unmount} after. */
  public Path mount(String tag) {
    String container =
        CommandRunner.run(storage, buildah("from", "--pull-never", "--name", mountName(tag), tag))
            .output()
            .strip();
    return Path.of(CommandRunner.run(storage, buildah("mount", container)).output().strip());
  }

  public void unmount(String tag) {
    CommandRunner.run(storage, buildah("rm", mountName(tag)));
  }

  private static String mountName(String tag) {
    return "mount-" + tag.replaceAll("[^A-Za-z0-9]+", "-");
  }

  private List<String> buildah(String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "buildah",
                "--root",
                storage.resolve("root").toString(),
                "--runroot",
                storage.resolve("run").toString(),
                "--storage-driver",
                "vfs"));
    command.addAll(List.of(args));
    return command;
  }

  /** Reads the manifest of {@code tag} from an OCI layout. */
  static BuiltImage read(String tag, Path ociLayout) {
    try {
      JsonNode index = JSON.readTree(ociLayout.resolve("index.json").toFile());
      for (JsonNode manifest : index.path("manifests")) {
        if (tag.equals(
            manifest.path("annotations").path("org.opencontainers.image.ref.name").asText())) {
          String digest = manifest.path("digest").asText();
          JsonNode body = JSON.readTree(blob(ociLayout, digest).toFile());
          List<String> layers = new ArrayList<>();
          body.path("layers").forEach(layer -> layers.add(layer.path("digest").asText()));
          return new BuiltImage(tag, digest, layers);
        }
      }
      throw new IllegalStateException("OCI layout " + ociLayout + " has no image named " + tag);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read OCI layout " + ociLayout, e);
    }
  }

  /** Where an OCI layout keeps the blob with this digest. */
  public static Path blob(Path ociLayout, String digest) {
    String[] parts = digest.split(":", 2);
    return ociLayout.resolve("blobs").resolve(parts[0]).resolve(parts[1]);
  }
}
