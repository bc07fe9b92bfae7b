package org.starlingx.stxbuild.engine.chroot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How chroot files are owned: root writes them as itself; any other user works inside a user
 * namespace where it is root and its sub-ids ({@code /etc/subuid}) stand for the chroot's users, so
 * no root daemon and no setuid helper beyond newuidmap are needed.
 */
final class Namespaces {
  private Namespaces() {}

  static boolean root() {
    try {
      return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    } catch (IOException | UnsupportedOperationException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  /** The prefix that runs a command as the owner of chroot files. */
  static List<String> asChrootOwner() {
    return root() ? List.of() : List.of("unshare", "--map-root-user", "--map-auto");
  }
}
