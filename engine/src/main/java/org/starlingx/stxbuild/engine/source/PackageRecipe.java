package org.starlingx.stxbuild.engine.source;

import java.nio.file.Path;
import java.util.List;

/**
 * One package directory of the tree, resolved for a distribution as StarlingX's discovery.py and
 * debrepack.py resolve it: the applicable meta_data.yaml, its directory (which holds {@code
 * deb_folder}, {@code patches}, {@code deb_patches}, {@code files} and the {@code dl_hook}), the
 * package name and version, and the downloads it needs.
 *
 * @param relativeDir the directory as the list file names it
 * @param dir the directory itself
 * @param metaFile the applicable meta_data.yaml
 * @param meta its content
 * @param kind where the sources come from
 * @param debFolder the packaging ({@code deb_folder}); null when there is none (a tarball carrying
 *     its own {@code debian/}, an upstream {@code .dsc}, a hook)
 * @param patches {@code patches/} beside the metadata (may not exist)
 * @param debPatches {@code deb_patches/} beside the metadata (may not exist)
 * @param downloads every file fetched from outside the tree that the metadata pins
 * @param details name, version, list, layer and resolved paths
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
    List<SourceDownload> downloads,
    Details details) {
  public PackageRecipe {
    downloads = List.copyOf(downloads);
  }

  /** A recipe built by hand (tests): details derived from the directory and metadata. */
  public PackageRecipe(
      String relativeDir,
      Path dir,
      Path metaFile,
      MetaData meta,
      RecipeKind kind,
      Path debFolder,
      Path patches,
      Path debPatches,
      List<SourceDownload> downloads) {
    this(
        relativeDir,
        dir,
        metaFile,
        meta,
        kind,
        debFolder,
        patches,
        debPatches,
        downloads,
        new Details(
            "",
            null,
            "std",
            meta.debname() != null ? meta.debname() : dir.getFileName().toString(),
            meta.debver(),
            "",
            meta.srcPath() == null ? null : dir.resolve(meta.srcPath()).normalize(),
            List.of(),
            null,
            List.of()));
  }

  /**
   * What the reader resolved beyond the metadata.
   *
   * @param repository the repository, relative to the tree
   * @param listFile the list file naming the directory
   * @param buildType std, rt, ...
   * @param name the source package name: {@code debname}, else the directory's name
   * @param version the version: the packaging's changelog (else {@code debver}) plus the suffix
   * @param versionSuffix StarlingX's revision suffix, e.g. {@code .stx.4} ({@code ""}: none)
   * @param srcPath {@code src_path}, expanded and resolved (null: none, or {@code src_path: null})
   * @param srcFiles {@code src_files}, expanded and resolved
   * @param dlHook the hook script (null: none)
   * @param layers the repository's build layers ({@code debian_build_layer.cfg})
   */
  public record Details(
      String repository,
      Path listFile,
      String buildType,
      String name,
      String version,
      String versionSuffix,
      Path srcPath,
      List<Path> srcFiles,
      Path dlHook,
      List<String> layers) {
    public Details {
      srcFiles = List.copyOf(srcFiles);
      layers = List.copyOf(layers);
    }
  }

  /** The source package name, as StarlingX names the package. */
  public String name() {
    return details.name();
  }

  /** The version the prepared source package gets. */
  public String version() {
    return details.version();
  }

  /** The directory holding the applicable meta_data.yaml. */
  public Path metaDir() {
    return metaFile.getParent();
  }
}
