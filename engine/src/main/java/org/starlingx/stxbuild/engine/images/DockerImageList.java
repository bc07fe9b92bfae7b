package org.starlingx.stxbuild.engine.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.starlingx.stxbuild.engine.source.StxSourceTree;

/**
 * The images a tree asks for, found as StarlingX's build-stx-images.sh finds them: each
 * repository's {@code <os>_<stream>_docker_images.inc} (and {@code <os>_<codename>_<stream>_...})
 * names directories; in each, {@code <os>/<codename>/} or {@code <os>/all/} (or {@code <os>/} for
 * bullseye) holds {@code *.<stream>_docker_image} directives files. Labels must be unique; {@code
 * only} and {@code skip} select by label or project.
 */
public final class DockerImageList {
  private DockerImageList() {}

  public static List<ImageDirective> read(
      StxSourceTree tree,
      String os,
      String codename,
      String stream,
      Set<String> only,
      Set<String> skip) {
    Set<String> listNames =
        Set.of(
            os + "_" + stream + "_docker_images.inc",
            os + "_" + codename + "_" + stream + "_docker_images.inc");
    Map<String, Path> labels = new LinkedHashMap<>();
    List<ImageDirective> directives = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(tree.root().toAbsolutePath().normalize(), 2)) {
      for (Path list :
          walk.filter(p -> listNames.contains(p.getFileName().toString())).sorted().toList()) {
        Path base = list.getParent();
        for (String dir : entries(list)) {
          Path osDir = base.resolve(dir).resolve(os).normalize();
          if (!osDir.startsWith(tree.root().toAbsolutePath().normalize())) {
            throw new IllegalArgumentException(
                list + ": '" + dir + "' leaves the source tree; expected a directory inside it");
          }
          Path directivesDir;
          if (Files.isDirectory(osDir.resolve(codename))) {
            directivesDir = osDir.resolve(codename);
          } else if (Files.isDirectory(osDir.resolve("all"))) {
            directivesDir = osDir.resolve("all");
          } else if (codename.equals("bullseye")) {
            directivesDir = osDir;
          } else {
            continue;
          }
          List<Path> files = directivesFiles(directivesDir, stream);
          if (files.isEmpty()) {
            throw new IllegalArgumentException(
                list
                    + " names '"
                    + dir
                    + "', but "
                    + directivesDir
                    + " holds no *."
                    + stream
                    + "_docker_image file");
          }
          for (Path file : files) {
            ImageDirective directive = new ImageDirective(file, ShellAssignments.read(file));
            Path earlier = labels.putIfAbsent(directive.label(), file);
            if (earlier != null) {
              throw new IllegalArgumentException(
                  "LABEL " + directive.label() + " is defined twice: " + earlier + " and " + file);
            }
            boolean skipped =
                skip.contains(directive.label()) || skip.contains(directive.project());
            boolean selected =
                only.isEmpty()
                    || only.contains(directive.label())
                    || only.contains(directive.project());
            if (!skipped && selected) {
              directives.add(directive);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the image lists of " + tree.root(), e);
    }
    return directives;
  }

  private static Set<String> entries(Path list) throws IOException {
    Set<String> dirs = new TreeSet<>();
    for (String line : Files.readAllLines(list)) {
      String dir = line.replaceAll("#.*", "").strip();
      if (!dir.isEmpty()) {
        dirs.add(dir);
      }
    }
    return dirs;
  }

  private static List<Path> directivesFiles(Path dir, String stream) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith("." + stream + "_docker_image"))
          .sorted()
          .toList();
    }
  }
}
