package org.starlingx.stxbuild.engine.deb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.starlingx.stxbuild.engine.exec.CommandRunner;

/**
 * Builds a real {@code .deb} from a {@link BinaryPackageSpec} with Debian's own {@code dpkg-deb}.
 */
public final class DebArchiveBuilder {

  private final Path workDir;

  /** {@code workDir} holds the staging trees; it is created if missing. */
  public DebArchiveBuilder(Path workDir) {
    this.workDir = workDir;
  }

  /** Builds the package into {@code outputDir} and returns the path of the {@code .deb}. */
  public Path build(BinaryPackageSpec spec, Path outputDir) {
    try {
      Path root = Files.createDirectories(workDir).resolve(spec.name() + "-" + spec.version());
      deleteTree(root);
      Files.createDirectories(root.resolve("DEBIAN"));
      Files.writeString(root.resolve("DEBIAN/control"), control(spec), StandardCharsets.UTF_8);
      for (Map.Entry<String, byte[]> file : spec.files().entrySet()) {
        Path target = root.resolve(file.getKey().substring(1)).normalize();
        if (!target.startsWith(root)) {
          throw new IllegalArgumentException(
              "file path '" + file.getKey() + "' leaves the package");
        }
        Files.createDirectories(target.getParent());
        Files.write(target, file.getValue());
      }
      Path deb = Files.createDirectories(outputDir).resolve(spec.fileName());
      CommandRunner.run(
          workDir,
          List.of("dpkg-deb", "--root-owner-group", "--build", root.toString(), deb.toString()));
      return deb;
    } catch (IOException e) {
      throw new UncheckedIOException("could not stage package '" + spec.name() + "'", e);
    }
  }

  private static String control(BinaryPackageSpec spec) {
    return "Package: "
        + spec.name()
        + "\nVersion: "
        + spec.version()
        + "\nArchitecture: "
        + spec.architecture()
        + "\nMaintainer: starlingx-build <noreply@starlingx-build.invalid>"
        + "\nDescription: "
        + spec.description()
        + "\n";
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
