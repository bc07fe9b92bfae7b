package org.starlingx.stxbuild.engine.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.starlingx.stxbuild.engine.repo.MirrorDownload;

/**
 * A StarlingX source tree: one or more repositories, each listing its package directories in {@code
 * debian_pkg_dirs} (build type {@code std}), {@code debian_pkg_dirs_<type>}, or per distribution
 * {@code debian_<dist>_pkg_dirs_<type>} (the most specific list wins).
 */
public final class StxSourceTree {
  private static final int MAX_REPOSITORY_DEPTH = 4;

  private final Path root;
  private final TreePaths paths;

  private StxSourceTree(Path root) {
    this.root = root;
    this.paths = TreePaths.of(root);
  }

  public static StxSourceTree open(Path root) {
    if (!Files.isDirectory(root)) {
      throw new SourceLayoutException("source tree " + root + " is not a directory");
    }
    return new StxSourceTree(root.toAbsolutePath().normalize());
  }

  public Path root() {
    return root;
  }

  /** Every package of the tree for a distribution and build type, in list order. */
  public List<PackageRecipe> recipes(String dist, String buildType) {
    List<PackageRecipe> recipes = new ArrayList<>();
    for (Path list : listFiles(dist, buildType)) {
      for (String dir : readList(list)) {
        recipes.add(recipe(list, dir, dist));
      }
    }
    return recipes;
  }

  /** The list files that apply, one per repository of the tree. */
  public List<Path> listFiles(String dist, String buildType) {
    List<Path> lists = new ArrayList<>();
    for (Path repository : repositories()) {
      List<Path> candidates =
          List.of(
              repository.resolve("debian_" + dist + "_pkg_dirs_" + buildType),
              repository.resolve(
                  buildType.equals("std") ? "debian_pkg_dirs" : "debian_pkg_dirs_" + buildType));
      candidates.stream().filter(Files::isRegularFile).findFirst().ifPresent(lists::add);
    }
    return lists;
  }

  /** Directories holding a package list: the tree's root and its repositories. */
  private List<Path> repositories() {
    try (Stream<Path> walk = Files.walk(root, MAX_REPOSITORY_DEPTH)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().matches("debian_(.+_)?pkg_dirs(_.+)?"))
          .filter(p -> !p.toString().contains("/.git/"))
          .map(Path::getParent)
          .distinct()
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot scan source tree " + root, e);
    }
  }

  private List<String> readList(Path list) {
    paths.contained(list, list, "package list");
    return InputLimits.readLines(list, InputLimits.LIST_BYTES, "package list").stream()
        .map(line -> line.replaceAll("#.*", "").strip())
        .filter(line -> !line.isEmpty())
        .toList();
  }

  private PackageRecipe recipe(Path list, String relativeDir, String dist) {
    Path repository = list.getParent();
    Path dir = paths.resolve(repository, relativeDir, list, "package directory");
    if (!Files.isDirectory(dir)) {
      throw new SourceLayoutException(
          list + ": package directory '" + relativeDir + "' does not exist in " + repository);
    }
    Path debian = dir.resolve("debian");
    Path metaFile = mostSpecific(debian, dist, "meta_data.yaml");
    if (metaFile == null) {
      throw new SourceLayoutException(
          list + ": package directory '" + relativeDir + "' has no debian/meta_data.yaml");
    }
    paths.contained(metaFile, metaFile, "meta_data.yaml");
    MetaData meta = MetaData.read(metaFile);
    if (meta.debver() == null || meta.debver().isBlank()) {
      throw new SourceLayoutException(metaFile + ": field 'debver' is missing; expected a version");
    }
    if (meta.srcPath() != null) {
      paths.resolve(dir, meta.srcPath(), metaFile, "src_path");
    }
    meta.srcFiles().forEach(file -> paths.resolve(dir, file, metaFile, "src_files"));
    RecipeKind kind = kind(metaFile, meta);
    Path debFolder = mostSpecific(debian, dist, "deb_folder");
    if (kind != RecipeKind.UPSTREAM_DSC
        && (debFolder == null || !Files.isRegularFile(debFolder.resolve("control")))) {
      throw new SourceLayoutException(
          metaFile + ": expected the packaging in debian/deb_folder/ (with a control file)");
    }
    if (kind == RecipeKind.IN_TREE && !Files.isDirectory(dir.resolve(meta.srcPath()).normalize())) {
      throw new SourceLayoutException(
          metaFile + ": field 'src_path': directory '" + meta.srcPath() + "' does not exist");
    }
    for (String file : meta.srcFiles()) {
      Path source = dir.resolve(file).normalize();
      if (!source.startsWith(dir) || !Files.exists(source)) {
        throw new SourceLayoutException(
            metaFile + ": field 'src_files': '" + file + "' does not exist in " + dir);
      }
    }
    Path patches = orDefault(mostSpecific(debian, dist, "patches"), debian.resolve("patches"));
    Path debPatches =
        orDefault(mostSpecific(debian, dist, "deb_patches"), debian.resolve("deb_patches"));
    return paths.checked(
        new PackageRecipe(
            relativeDir,
            dir,
            metaFile,
            meta,
            kind,
            debFolder,
            patches,
            debPatches,
            downloads(metaFile, meta)));
  }

  private static RecipeKind kind(Path metaFile, MetaData meta) {
    if (meta.archive() != null) {
      return RecipeKind.UPSTREAM_DSC;
    }
    if (meta.dlPath() != null) {
      return RecipeKind.TARBALL;
    }
    if (meta.srcPath() != null) {
      return RecipeKind.IN_TREE;
    }
    throw new SourceLayoutException(
        metaFile + ": expected one of the fields src_path, dl_path or archive");
  }

  private static List<SourceDownload> downloads(Path metaFile, MetaData meta) {
    List<SourceDownload> downloads = new ArrayList<>();
    if (meta.dlPath() != null) {
      downloads.add(download(metaFile, "dl_path", meta.dlPath().name(), meta.dlPath()));
    }
    if (meta.archive() != null && meta.dscSha256sum() != null && meta.debname() != null) {
      String base = meta.archive().endsWith("/") ? meta.archive() : meta.archive() + "/";
      String dsc =
          meta.debname() + "_" + meta.debver().strip().replaceFirst("^[0-9]+:", "") + ".dsc";
      MetaData.Download pinned =
          new MetaData.Download(dsc, base + dsc, null, meta.dscSha256sum(), null);
      downloads.add(download(metaFile, "archive", dsc, pinned));
    }
    meta.dlFiles()
        .forEach((name, file) -> downloads.add(download(metaFile, "dl_files." + name, name, file)));
    return downloads;
  }

  private static SourceDownload download(
      Path metaFile, String field, String name, MetaData.Download file) {
    String where = metaFile + ": field '" + field + "'";
    if (name == null || name.isBlank()) {
      throw new SourceLayoutException(where + ": expected a file name ('name')");
    }
    if (file.url() == null || file.url().isBlank()) {
      throw new SourceLayoutException(where + ": expected the upstream 'url'");
    }
    URI url;
    try {
      url = new URI(file.url().strip());
    } catch (URISyntaxException e) {
      throw new SourceLayoutException(where + ": 'url' is not a URL: " + file.url());
    }
    String algorithm;
    String checksum;
    if (file.sha256sum() != null) {
      algorithm = "sha256";
      checksum = file.sha256sum();
    } else if (file.md5sum() != null) {
      algorithm = "md5";
      checksum = file.md5sum();
    } else {
      throw new SourceLayoutException(where + ": expected a 'sha256sum' or 'md5sum'");
    }
    try {
      return new SourceDownload(
          new MirrorDownload(
              name.strip(), url, algorithm, checksum.strip().toLowerCase(Locale.ROOT)),
          where);
    } catch (IllegalArgumentException e) {
      throw new SourceLayoutException(where + ": " + e.getMessage(), e);
    }
  }

  /** {@code debian/<dist>/<name>}, then {@code debian/all/<name>}, then {@code debian/<name>}. */
  private static Path mostSpecific(Path debian, String dist, String name) {
    for (Path candidate :
        List.of(
            debian.resolve(dist).resolve(name),
            debian.resolve("all").resolve(name),
            debian.resolve(name))) {
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static Path orDefault(Path value, Path fallback) {
    return value != null ? value : fallback;
  }
}
