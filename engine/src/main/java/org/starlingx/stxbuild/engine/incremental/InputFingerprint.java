package org.starlingx.stxbuild.engine.incremental;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.starlingx.stxbuild.engine.change.SourceFingerprint;
import org.starlingx.stxbuild.engine.source.PackageRecipe;

/**
 * What a package build reads, as one sha256: every file of its package directory (metadata,
 * packaging, patches, in-tree sources), the sources outside it that {@code src_path} names, the
 * checksums of its downloads, the distribution and build type, the build environment (the chroot it
 * builds in), and the fingerprints of its in-tree build-deps (so a changed library rebuilds
 * everything built against it).
 */
public final class InputFingerprint {
  private InputFingerprint() {}

  /** Without a build environment (tests of the inputs alone). */
  public static String of(
      PackageRecipe recipe,
      String dist,
      String buildType,
      Map<String, String> buildDepFingerprints) {
    return of(recipe, dist, buildType, buildDepFingerprints, "");
  }

  /**
   * @param environment the worker's build environment ({@code PackageWorker#environment()})
   */
  public static String of(
      PackageRecipe recipe,
      String dist,
      String buildType,
      Map<String, String> buildDepFingerprints,
      String environment) {
    Path dir = recipe.dir();
    String files = SourceFingerprint.of(dir, List.of("."), List.of());
    String outside = "";
    if (recipe.details().srcPath() != null) {
      Path src = recipe.details().srcPath();
      if (!src.startsWith(dir)) {
        outside = SourceFingerprint.of(src, List.of("."), List.of());
      }
    }
    MessageDigest sha256 = sha256();
    update(sha256, "files", files);
    update(sha256, "outside", outside);
    update(sha256, "dist", dist);
    update(sha256, "type", buildType);
    if (!environment.isEmpty()) {
      update(sha256, "environment", environment);
    }
    recipe
        .downloads()
        .forEach(d -> update(sha256, "download", d.fileName() + ":" + d.download().checksum()));
    new TreeMap<>(buildDepFingerprints).forEach((name, fp) -> update(sha256, "dep:" + name, fp));
    return HexFormat.of().formatHex(sha256.digest());
  }

  private static void update(MessageDigest digest, String key, String value) {
    digest.update((key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
