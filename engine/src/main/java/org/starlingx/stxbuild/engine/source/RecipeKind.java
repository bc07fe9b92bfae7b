package org.starlingx.stxbuild.engine.source;

/** Where a package's sources come from. */
public enum RecipeKind {
  /** {@code src_path}: sources in the tree, packaging in {@code deb_folder}. */
  IN_TREE,
  /** {@code dl_path}: an upstream tarball, packaging in {@code deb_folder}. */
  TARBALL,
  /** {@code archive}: an upstream Debian source package, changed by {@code deb_patches}. */
  UPSTREAM_DSC
}
