package org.starlingx.stxbuild.engine.wheels;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.starlingx.stxbuild.engine.exec.CommandRunner;
import org.starlingx.stxbuild.engine.files.FileTrees;
import org.starlingx.stxbuild.engine.source.StxSourceTree;

/**
 * StarlingX's wheels tarball: every repository of the tree lists, in {@code
 * debian_stable_wheels.inc}, the binary packages that carry Python wheels; their built {@code .deb}
 * files are unpacked and every {@code .whl} they hold goes into {@code
 * stx-<dist>-stable-wheels.tar}. A listed package that was not built is an error naming it.
 */
public final class WheelsTarball {
  /** What went into the tarball. */
  public record Result(Path tarball, List<String> wheels) {}

  private WheelsTarball() {}

  /** The binary package names the tree's wheels lists name, sorted and distinct. */
  public static List<String> listed(StxSourceTree tree) {
    TreeSet<String> names = new TreeSet<>();
    try (Stream<Path> walk = Files.walk(tree.root(), 4)) {
      for (Path list :
          walk.filter(p -> p.getFileName().toString().equals("debian_stable_wheels.inc"))
              .toList()) {
        for (String line : Files.readAllLines(list)) {
          String name = line.replaceAll("#.*", "").strip();
          if (!name.isEmpty()) {
            names.add(name);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the wheels lists of " + tree.root(), e);
    }
    return List.copyOf(names);
  }

  /** Builds the tarball from {@code debs} (package name to built file) into {@code outputDir}. */
  public static Result build(
      StxSourceTree tree, Map<String, Path> debs, String dist, Path outputDir) {
    return build(tree, debs, List.of(), dist, outputDir);
  }

  /**
   * Like {@link #build(StxSourceTree, Map, String, Path)}, with the base wheels beside StarlingX's
   * own, as build-wheel-tarball.sh merges them into one tarball.
   */
  public static Result build(
      StxSourceTree tree,
      Map<String, Path> debs,
      List<Path> baseWheels,
      String dist,
      Path outputDir) {
    List<String> listed = listed(tree);
    List<String> missing = listed.stream().filter(name -> !debs.containsKey(name)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "wheels packages listed in debian_stable_wheels.inc were not built: "
              + String.join(", ", missing));
    }
    Path staging = outputDir.resolve(".wheels-staging");
    FileTrees.delete(staging);
    try {
      Path extracted = Files.createDirectories(staging.resolve("extracted"));
      for (String name : listed) {
        CommandRunner.run(
            outputDir, List.of("dpkg-deb", "-x", debs.get(name).toString(), extracted.toString()));
      }
      Path wheels = Files.createDirectories(staging.resolve("wheels"));
      List<String> names = new ArrayList<>();
      try (Stream<Path> walk = Files.walk(extracted)) {
        for (Path wheel :
            walk.filter(p -> p.getFileName().toString().endsWith(".whl")).sorted().toList()) {
          Files.copy(wheel, wheels.resolve(wheel.getFileName()));
          names.add(wheel.getFileName().toString());
        }
      }
      for (Path wheel : baseWheels) {
        if (!names.contains(wheel.getFileName().toString())) {
          Files.copy(wheel, wheels.resolve(wheel.getFileName()));
          names.add(wheel.getFileName().toString());
        }
      }
      java.util.Collections.sort(names);
      Path tarball = outputDir.resolve("stx-" + dist + "-stable-wheels.tar");
      List<String> tar =
          new ArrayList<>(
              List.of(
                  "tar",
                  "--sort=name",
                  "--mtime=@0",
                  "--owner=0",
                  "--group=0",
                  "--numeric-owner",
                  "-cf",
                  tarball.toString(),
                  "-C",
                  wheels.toString()));
      tar.addAll(names);
      CommandRunner.run(outputDir, tar);
      return new Result(tarball, List.copyOf(names));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the wheels tarball in " + outputDir, e);
    } finally {
      FileTrees.delete(staging);
    }
  }

  /**
   * The tarball where the built packages are not at hand (a build pod, the CLI): the listed wheel
   * packages are downloaded from the branch's apt source, through the repository service.
   */
  public static Result fromRepository(
      StxSourceTree tree,
      org.starlingx.stxbuild.engine.repo.AptSource source,
      List<Path> baseWheels,
      String dist,
      Path work,
      Path outputDir) {
    try {
      org.starlingx.stxbuild.engine.apt.PrivateAptRoot apt =
          new org.starlingx.stxbuild.engine.apt.PrivateAptRoot(work.resolve("apt")).sources(source);
      apt.update();
      java.util.Set<String> available = new java.util.HashSet<>(apt.packageNames());
      Map<String, Path> debs = new java.util.LinkedHashMap<>();
      for (String name : listed(tree)) {
        if (available.contains(name)) {
          debs.put(name, apt.download(name));
        }
      }
      return build(tree, debs, baseWheels, dist, outputDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot fetch the wheels packages: " + e.getMessage(), e);
    }
  }
}
