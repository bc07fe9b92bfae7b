package org.starlingx.stxbuild.engine.helm;

import java.nio.file.Path;
import java.util.List;
import org.starlingx.stxbuild.engine.exec.CommandRunner;
import org.starlingx.stxbuild.engine.graph.Relation;

/** What {@code dpkg-deb} tells of one built {@code .deb}: control fields and file list. */
record DebPackageFile(Path file) {
  String field(String name) {
    return CommandRunner.run(file.getParent(), List.of("dpkg-deb", "-f", file.toString(), name))
        .output()
        .strip();
  }

  /** The names of the packages it depends on directly (first alternative of each). */
  List<String> dependsOn() {
    String depends = field("Depends");
    if (depends.isEmpty()) {
      return List.of();
    }
    return Relation.parseList(depends, file + " Depends").stream()
        .map(relation -> relation.alternatives().get(0).name())
        .toList();
  }

  /** Paths as {@code dpkg-deb -c} lists them, without the leading {@code ./}. */
  List<String> paths() {
    return CommandRunner.run(file.getParent(), List.of("dpkg-deb", "-c", file.toString()))
        .output()
        .lines()
        .map(line -> line.substring(line.indexOf("./") + 2))
        .map(path -> path.contains(" -> ") ? path.substring(0, path.indexOf(" -> ")) : path)
        .toList();
  }

  void extractInto(Path dir) {
    CommandRunner.run(dir, List.of("dpkg-deb", "-x", file.toString(), dir.toString()));
  }
}
