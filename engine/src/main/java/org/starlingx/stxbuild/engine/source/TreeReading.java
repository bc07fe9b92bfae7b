package org.starlingx.stxbuild.engine.source;

import java.nio.file.Path;
import java.util.List;

/**
 * A whole tree read for one codename: every accepted package and every refused entry.
 *
 * @param codename bullseye or trixie
 * @param buildTypes the build types read
 * @param packages accepted entries, in list order
 * @param refused refused entries, in list order
 * @param listFiles the list files read
 */
public record TreeReading(
    String codename,
    List<String> buildTypes,
    List<PackageRecipe> packages,
    List<RefusedEntry> refused,
    List<Path> listFiles) {
  public TreeReading {
    buildTypes = List.copyOf(buildTypes);
    packages = List.copyOf(packages);
    refused = List.copyOf(refused);
    listFiles = List.copyOf(listFiles);
  }
}
