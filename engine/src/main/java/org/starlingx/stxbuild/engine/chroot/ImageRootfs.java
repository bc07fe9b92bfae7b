package org.starlingx.stxbuild.engine.chroot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.starlingx.stxbuild.engine.files.FileTrees;

/**
 * A root file system for the project's own images, made by mmdebstrap from the Debian mirror (no
 * base image pulled from any registry), with a fixed {@code SOURCE_DATE_EPOCH} so the same mirror
 * state gives the same files.
 */
public final class ImageRootfs {
  /** Debian's release whose JRE (17) runs {@code stx-build}. */
  public static final String CODENAME = "bookworm";

  /** What the images hold: a JRE, the tools chroot builds use, git and Python for the agent. */
  public static final List<String> PACKAGES =
      List.of(
          "ca-certificates",
          "openjdk-17-jre-headless",
          "mmdebstrap",
          "zstd",
          "uidmap",
          "util-linux",
          "git",
          "curl",
          "python3",
          // kill(1): a build's process group is stopped with it (LoggedProcess).
          "procps",
          "xz-utils",
          // dpkg-source (and patch): the builder prepares source packages (stxBuildPackages)
          "dpkg-dev");

  private ImageRootfs() {}

  /** Makes the root file system in {@code dir} (emptied first); the output goes to {@code log}. */
  public static void make(URI mirror, Path dir, Path debCache, Path log) {
    try {
      FileTrees.delete(dir);
      Files.createDirectories(dir.getParent());
      Files.createDirectories(debCache);
      ChrootSpec spec = new ChrootSpec(CODENAME, "amd64", mirror, PACKAGES);
      List<String> argv = new ArrayList<>(MmdebstrapCommand.argv(spec, dir, debCache));
      argv.set(1, "--variant=minbase");
      argv.remove("--skip=cleanup/apt/lists");
      List<String> withEpoch = new ArrayList<>(List.of("env", "SOURCE_DATE_EPOCH=946684800"));
      withEpoch.addAll(argv);
      int exit = HostCommand.run(withEpoch, dir.getParent(), log, true);
      if (exit != 0) {
        throw new ChrootException(
            "mmdebstrap could not make the image root file system (exit "
                + exit
                + "): "
                + ChrootCache.tail(log));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make an image root file system in " + dir, e);
    }
  }
}
