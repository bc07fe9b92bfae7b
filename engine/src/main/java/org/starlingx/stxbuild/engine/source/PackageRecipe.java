package org.starlingx.stxbuild.engine.source;

import java.nio.file.Path;
import java.util.List;

/**
 * One package directory of the tree, resolved for a distribution: which meta_data.yaml applies,
 * where its packaging and patches are, and which downloads it needs.
 *
 * @param relativeDir the directory as the list file names it
 * @param dir the directory itself
 * @param metaFile the most specific meta_data.yaml for the distribution
 * @param meta its content
 * @param kind in-tree, tarball or upstream Debian source package
 * @param debFolder the packaging ({@code deb_folder}); null for {@link RecipeKind#UPSTREAM_DSC}
 * @param patches {@code debian/patches} (may not exist)
 * @param debPatches {@code debian/deb_patches} (may not exist)
 * @param downloads every file fetched from outside the tree
 */
public record PackageRecipe(
    String relativeDir,
    Path dir,
    Path metaFile,
    MetaData meta,
    RecipeKind kind,
    Path debFolder,
    Path patches,
    Path debPatches,
    List<SourceDownload> downloads) {
  public PackageRecipe {
    downloads = List.copyOf(downloads);
  }
}
