package org.starlingx.stxbuild.engine.reuse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * StarlingX's {@code never_reuse.lst}: source packages a build never takes from another line's
 * build (signed packages such as shim and grub), only from its own line's, as {@code build-pkgs
 * --reuse} does. The list is read from the tree ({@code
 * stx-tools/debian-mirror-tools/config/debian/<codename>/common/never_reuse.lst}, or {@code
 * .../debian/common/} for bullseye) and defaults to StarlingX's own list.
 */
public final class NeverReuse {
  private NeverReuse() {}

  /** The list for {@code codename} of the tree rooted at {@code treeRoot}. */
  public static Set<String> forTree(Path treeRoot, String codename) {
    Path config = treeRoot.resolve("stx-tools/debian-mirror-tools/config/debian");
    for (Path candidate :
        new Path[] {
          config.resolve(codename).resolve("common/never_reuse.lst"),
          config.resolve("common/never_reuse.lst")
        }) {
      if (Files.isRegularFile(candidate)) {
        try {
          return parse(Files.readString(candidate, StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + candidate, e);
        }
      }
    }
    return defaults();
  }

  /** StarlingX's list as its build tools ship it. */
  public static Set<String> defaults() {
    try (InputStream in = NeverReuse.class.getResourceAsStream("never_reuse.lst")) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the default never_reuse.lst", e);
    }
  }

  /** One package per line; blank lines and {@code #} comments ignored, as build-pkgs reads it. */
  static Set<String> parse(String text) {
    Set<String> packages = new LinkedHashSet<>();
    for (String line : text.split("\n")) {
      String name = line.strip();
      if (!name.isEmpty() && !name.startsWith("#")) {
        packages.add(name);
      }
    }
    return Set.copyOf(packages);
  }
}
