package org.starlingx.stxbuild.engine.change;

import java.util.ArrayList;
import java.util.List;
import org.starlingx.stxbuild.engine.source.StxSourceTree;

/** The fingerprint of what a build of some build types reads: package lists and package dirs. */
public final class TreeFingerprint {
  private TreeFingerprint() {}

  public static String of(StxSourceTree tree, String dist, List<String> buildTypes) {
    List<String> dirs = new ArrayList<>();
    List<String> lists = new ArrayList<>();
    for (String type : buildTypes) {
      tree.listFiles(dist, type).forEach(l -> lists.add(tree.root().relativize(l).toString()));
      tree.recipes(dist, type).forEach(r -> dirs.add(tree.root().relativize(r.dir()).toString()));
    }
    return SourceFingerprint.of(tree.root(), dirs, lists);
  }
}
