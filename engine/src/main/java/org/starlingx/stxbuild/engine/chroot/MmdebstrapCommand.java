package org.starlingx.stxbuild.engine.chroot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code mmdebstrap} command that makes a chroot tarball: Debian's {@code buildd} variant
 * (essential packages and build-essential) plus the seed packages, with the apt lists kept (builds
 * install their build-deps without downloading the indices again) and the downloaded {@code .deb}
 * files kept in a cache directory beside the tarball, so a refresh downloads only what changed.
 */
public final class MmdebstrapCommand {
  private MmdebstrapCommand() {}

  public static List<String> argv(ChrootSpec spec, Path tarball, Path debCache) {
    List<String> argv = new ArrayList<>();
    argv.add("mmdebstrap");
    argv.add("--variant=buildd");
    argv.add("--arch=" + spec.arch());
    if (!spec.seedPackages().isEmpty()) {
      argv.add("--include=" + String.join(",", spec.seedPackages()));
    }
    argv.add("--skip=cleanup/apt/lists");
    // The .deb cache: in before the download, out before apt's cache is cleaned from the chroot
    // (the recipe in mmdebstrap's manual).
    argv.add("--skip=essential/unlink");
    argv.add("--setup-hook=mkdir -p \"$1\"/var/cache/apt/archives/");
    argv.add(
        "--setup-hook=sync-in " + shellQuote(debCache.toString()) + " /var/cache/apt/archives/");
    argv.add(
        "--customize-hook=sync-out /var/cache/apt/archives " + shellQuote(debCache.toString()));
    argv.add(spec.codename());
    argv.add(tarball.toString());
    argv.add(spec.mirror().toString());
    return argv;
  }

  static String shellQuote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
