package org.starlingx.stxbuild.engine.iso;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.starlingx.stxbuild.engine.exec.CommandRunner;
import org.starlingx.stxbuild.engine.files.FileTrees;
import org.starlingx.stxbuild.engine.graph.Deb822;

/**
 * Builds an ISO 9660 image (xorriso) that carries an apt repository: one suite of the local
 * repository, its index files and every package it lists, plus a manifest. On one machine this is
 * the build's installable package ISO; the StarlingX installer ISO itself comes from the LAT SDK in
 * the {@code lat} pod role on Kubernetes.
 */
public final class LocalIsoBuilder {
  private LocalIsoBuilder() {}

  /** Builds {@code iso} from suite {@code suite} of the local repository at {@code repoRoot}. */
  public static Path build(Path repoRoot, String suite, String volumeId, Path iso) {
    Path staging = iso.resolveSibling(iso.getFileName() + ".staging");
    try {
      FileTrees.delete(staging);
      Path dists = repoRoot.resolve("dists").resolve(suite);
      if (!Files.isDirectory(dists)) {
        throw new IllegalArgumentException(
            "the repository " + repoRoot + " has no suite '" + suite + "'");
      }
      FileTrees.copy(dists, staging.resolve("dists").resolve(suite));
      List<String> manifest = new ArrayList<>();
      try (var packagesFiles = Files.walk(dists)) {
        for (Path packages :
            packagesFiles.filter(p -> p.getFileName().toString().equals("Packages")).toList()) {
          for (Map<String, String> paragraph :
              Deb822.paragraphs(Files.readString(packages), packages.toString())) {
            String filename = paragraph.get("filename");
            Path source = repoRoot.resolve(filename).normalize();
            if (!source.startsWith(repoRoot)) {
              throw new IllegalArgumentException(
                  packages + ": Filename '" + filename + "' leaves the repository");
            }
            Path target = staging.resolve(filename);
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            manifest.add(
                paragraph.get("package")
                    + " "
                    + paragraph.get("version")
                    + " "
                    + paragraph.get("sha256"));
          }
        }
      }
      manifest.sort(String::compareTo);
      Files.write(staging.resolve("MANIFEST"), manifest, StandardCharsets.UTF_8);
      Files.createDirectories(iso.toAbsolutePath().getParent());
      Files.deleteIfExists(iso);
      CommandRunner.run(
          staging.getParent(),
          List.of(
              "xorriso",
              "-as",
              "mkisofs",
              "-quiet",
              "-r",
              "-J",
              "-V",
              volumeId,
              "-o",
              iso.toAbsolutePath().toString(),
              staging.toString()));
      return iso;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the ISO " + iso, e);
    } finally {
      FileTrees.delete(staging);
    }
  }

  /** The files the ISO holds, as xorriso lists them. */
  public static List<String> list(Path iso) {
    String out =
        CommandRunner.run(
                iso.toAbsolutePath().getParent(),
                List.of(
                    "xorriso",
                    "-indev",
                    iso.toAbsolutePath().toString(),
                    "-find",
                    "/",
                    "-type",
                    "f"))
            .output();
    return out.lines()
        .filter(l -> l.startsWith("'/"))
        .map(l -> l.substring(1, l.length() - 1))
        .toList();
  }
}
