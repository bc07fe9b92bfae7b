package org.starlingx.stxbuild.engine.daily;

import java.nio.file.Path;
import java.util.List;
import org.starlingx.stxbuild.engine.scope.BuildScope;

/**
 * One daily build: what to build, where, and which switches the old pipeline's parameters had.
 *
 * @param scope whose build of which project and branch
 * @param tree the StarlingX source tree
 * @param output where repository, mirror, work files, ISO and logs go
 * @param buildTypes {@code std}, {@code rt}
 * @param workers packages built at once
 * @param retries how often a failed package is retried alone
 * @param force build even when nothing changed
 * @param dryRun print what each stage would do and change nothing
 * @param isoKeyFile secret key file for signing the ISO (null: the ISO is not signed)
 * @param isoKeyId the signing key's id
 * @param mirrorRewrites URL prefix rewrites for downloads (an internal mirror of upstream hosts)
 * @param dist the codename the tree is read for (null: $DIST, else the tree's, as StarlingX picks)
 */
public record DailySettings(
    BuildScope scope,
    Path tree,
    Path output,
    List<String> buildTypes,
    int workers,
    int retries,
    boolean force,
    boolean dryRun,
    Path isoKeyFile,
    String isoKeyId,
    java.util.Map<String, String> mirrorRewrites,
    String dist) {
  public DailySettings {
    buildTypes = List.copyOf(buildTypes);
    mirrorRewrites = java.util.Map.copyOf(mirrorRewrites);
  }

  /** Settings with the codename StarlingX would pick ($DIST, else the tree's). */
  public DailySettings(
      BuildScope scope,
      Path tree,
      Path output,
      List<String> buildTypes,
      int workers,
      int retries,
      boolean force,
      boolean dryRun,
      Path isoKeyFile,
      String isoKeyId,
      java.util.Map<String, String> mirrorRewrites) {
    this(
        scope,
        tree,
        output,
        buildTypes,
        workers,
        retries,
        force,
        dryRun,
        isoKeyFile,
        isoKeyId,
        mirrorRewrites,
        null);
  }
}
