package org.starlingx.stxbuild.engine.source;

import java.nio.file.Path;
import java.util.List;

/**
 * A Debian source package ready to build: its {@code .dsc} with the files it lists beside it.
 *
 * @param recipe where it came from
 * @param name the source package name
 * @param version its version
 * @param dsc the {@code .dsc} file
 * @param files the {@code .dsc} and every file it lists
 */
public record PreparedSource(
    PackageRecipe recipe, String name, String version, Path dsc, List<Path> files) {
  public PreparedSource {
    files = List.copyOf(files);
  }
}
