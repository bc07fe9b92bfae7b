package org.starlingx.stxbuild.engine.repo.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of {@code sessions} builds where a share of each build's outputs is common to all (the
 * same files, as unchanged packages are) and the rest is the build's own.
 */
public record SharedWorkload(List<Path> common, List<List<Path>> own) {

  public static SharedWorkload build(
      SamplePackages samples,
      String prefix,
      int sessions,
      int filesPerSession,
      double sharedShare,
      int payloadBytes) {
    int shared = (int) Math.round(filesPerSession * sharedShare);
    List<Path> common = samples.buildMany(prefix + "-common", shared, payloadBytes);
    List<List<Path>> own = new ArrayList<>();
    for (int s = 0; s < sessions; s++) {
      own.add(samples.buildMany(prefix + "-s" + s, filesPerSession - shared, payloadBytes));
    }
    return new SharedWorkload(common, own);
  }

  /** All files session {@code s} produces. */
  public List<Path> filesOf(int s) {
    List<Path> files = new ArrayList<>(common);
    files.addAll(own.get(s));
    return files;
  }

  public int sessions() {
    return own.size();
  }
}
