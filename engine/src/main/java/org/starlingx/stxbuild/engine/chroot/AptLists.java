package org.starlingx.stxbuild.engine.chroot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** What a chroot's apt lists (kept by {@link MmdebstrapCommand}) say the archive holds. */
public final class AptLists {
  private AptLists() {}

  /** The real (not virtual) package names of the chroot's {@code *_Packages} lists. */
  public static Set<String> packageNames(Path chrootRoot) {
    Path lists = chrootRoot.resolve("var/lib/apt/lists");
    Set<String> names = new HashSet<>();
    try (Stream<Path> files = Files.list(lists)) {
      List<Path> packages =
          files.filter(f -> f.getFileName().toString().endsWith("_Packages")).sorted().toList();
      if (packages.isEmpty()) {
        throw new ChrootException(
            lists + " holds no *_Packages list; expected the lists mmdebstrap kept");
      }
      for (Path file : packages) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
          String line;
          while ((line = reader.readLine()) != null) {
            if (line.startsWith("Package: ")) {
              names.add(line.substring("Package: ".length()).strip());
            }
          }
        }
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the apt lists in " + lists, e);
    }
  }
}
