package org.starlingx.stxbuild.engine.wheels;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.starlingx.stxbuild.engine.exec.CommandRunner;
import org.starlingx.stxbuild.engine.files.FileTrees;
import org.starlingx.stxbuild.engine.source.UpstreamFiles;
import org.starlingx.stxbuild.engine.source.UrlRewrites;

/**
 * StarlingX's base wheels (build-base-wheels.sh), without a container: a {@code pypi} entry's wheel
 * is downloaded; a {@code tar} or {@code zip} entry's source is downloaded, unpacked and built with
 * Debian's pip ({@code pip wheel --no-deps --no-build-isolation --no-index}: nothing else is
 * fetched). Downloads go through the mirror directory and are fetched once; URL rewrites point
 * upstream addresses at a mirror. {@code git} entries need the network and are reported.
 */
public final class BaseWheels {
  /** The wheels now in the output directory, and the entries that were not built, with why. */
  public record Result(List<Path> wheels, List<String> notBuilt) {}

  private final Path mirror;
  private final UrlRewrites rewrites;

  public BaseWheels(Path mirror, Map<String, String> rewrites) {
    this.mirror = mirror;
    this.rewrites = new UrlRewrites(rewrites);
  }

  public Result build(List<WheelSource> sources, Path work, Path output) {
    List<Path> wheels = new ArrayList<>();
    List<String> notBuilt = new ArrayList<>();
    try {
      Files.createDirectories(output);
      for (WheelSource source : sources) {
        Path target = output.resolve(source.wheel());
        if (Files.isRegularFile(target)) {
          wheels.add(target); // StarlingX skips wheels already present, too
          continue;
        }
        switch (source.type()) {
          case "pypi" -> Files.copy(mirrored(source.url()), target);
          case "tar", "zip" -> buildFromSource(source, work, output);
          default -> {
            notBuilt.add(
                source.wheel() + ": a git source (" + source.url() + ") needs the network");
            continue;
          }
        }
        if (!Files.isRegularFile(target)) {
          throw new IllegalStateException(
              "building "
                  + source.wheel()
                  + " from "
                  + source.url()
                  + " gave no file of that name");
        }
        wheels.add(target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("base wheels: " + e.getMessage(), e);
    }
    return new Result(wheels, notBuilt);
  }

  private void buildFromSource(WheelSource source, Path work, Path output) throws IOException {
    Path archive = mirrored(source.url());
    Path unpacked = work.resolve("src-" + source.wheel());
    FileTrees.delete(unpacked);
    Files.createDirectories(unpacked);
    List<String> unpack =
        source.type().equals("zip")
            ? List.of("unzip", "-q", archive.toString(), "-d", unpacked.toString())
            : List.of("tar", "-xf", archive.toString(), "-C", unpacked.toString());
    CommandRunner.run(work, unpack);
    Path dir = unpacked.resolve(source.baseDir()).normalize();
    if (!dir.startsWith(unpacked) || !Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          source.wheel() + ": " + source.url() + " holds no directory " + source.baseDir());
    }
    CommandRunner.run(
        dir,
        List.of(
            "/usr/bin/python3",
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--wheel-dir",
            output.toString(),
            "."));
  }

  /** The file at {@code url}, from the mirror directory, fetched there once. */
  private Path mirrored(URI url) throws IOException {
    String name = Path.of(url.getPath()).getFileName().toString();
    Path file = mirror.resolve("wheels").resolve(name);
    if (!Files.isRegularFile(file)) {
      Files.createDirectories(file.getParent());
      Path partial = file.resolveSibling(name + ".part");
      UpstreamFiles.copy(rewrites.apply(url), partial);
      Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return file;
  }

  /** The wheels lists a tree carries: {@code build-tools/build-wheels/debian-<codename>/...}. */
  public static Path listOf(Path treeRoot, String codename, String stream) {
    try (Stream<Path> walk = Files.walk(treeRoot, 3)) {
      return walk.filter(p -> p.endsWith(Path.of("build-tools", "build-wheels")))
          .map(p -> p.resolve("debian-" + codename).resolve(stream + "-wheels.cfg"))
          .filter(Files::isRegularFile)
          .findFirst()
          .orElse(null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search " + treeRoot, e);
    }
  }
}
