package org.starlingx.stxbuild.engine.source;

/** Where a package's sources come from, in the order debrepack.py decides it. */
public enum RecipeKind {
  /** {@code dl_hook}: a script of the package makes the sources (decided first). */
  DL_HOOK,
  /** {@code dl_path}: an upstream tarball, packaging in {@code deb_folder} or in the tarball. */
  TARBALL,
  /** {@code src_path} (even null: an empty directory): sources in the tree. */
  IN_TREE,
  /**
   * None of those: an upstream Debian source package, from {@code archive} or by debname and debver
   * from the Debian archive, changed by {@code deb_patches}.
   */
  UPSTREAM_DSC
}
