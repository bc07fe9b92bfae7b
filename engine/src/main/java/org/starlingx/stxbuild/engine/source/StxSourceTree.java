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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.starlingx.stxbuild.engine.graph.DebControl;
import org.starlingx.stxbuild.engine.repo.MirrorDownload;

/**
 * A StarlingX source tree ({@code <root>/cgcs-root/stx/<repo>}, or any directory whose repositories
 * carry package lists), read as StarlingX's discovery.py and debrepack.py read it.
 *
 * <p>Lists per codename and build type: for bullseye {@code debian_pkg_dirs_<type>}, then {@code
 * debian_bullseye_pkg_dirs_<type>}, then (std only) {@code debian_pkg_dirs}; for any other codename
 * only {@code debian_<codename>_pkg_dirs_<type>}. A package's metadata: for bullseye {@code
 * debian/meta_data.yaml}, then {@code debian/bullseye/}, then {@code debian/all/}; otherwise {@code
 * debian/<codename>/}, then {@code debian/all/}. Everything else of the package ({@code
 * deb_folder}, {@code patches}, {@code deb_patches}, {@code files}, the hook) is beside that
 * metadata.
 */
public final class StxSourceTree {
  private static final int MAX_REPOSITORY_DEPTH = 4;
  private static final int DEEPER_SEARCH_DEPTH = 8;
  private static final Pattern CHANGELOG_HEAD = Pattern.compile("^(\\S+) \\(([^)\\s]+)\\)");

  private final Path root;
  private final TreeVariables variables;
  private final TreePaths paths;

  private StxSourceTree(Path root, TreeVariables variables) {
    this.root = root;
    this.variables = variables;
    this.paths = TreePaths.of(root);
  }

  public static StxSourceTree open(Path root) {
    return open(root, System.getenv());
  }

  /** Opens the tree with {@code environment} for the variables its metadata may name. */
  public static StxSourceTree open(Path root, Map<String, String> environment) {
    if (!Files.isDirectory(root)) {
      throw new SourceLayoutException("source tree " + root + " is not a directory");
    }
    Path normalized = root.toAbsolutePath().normalize();
    return new StxSourceTree(normalized, TreeVariables.of(normalized, environment));
  }

  public Path root() {
    return root;
  }

  public TreeVariables variables() {
    return variables;
  }

  /**
   * Every package of the tree for a codename and build type, in list order; the first refused entry
   * stops it (see {@link #read} for a reading that goes on).
   */
  public List<PackageRecipe> recipes(String codename, String buildType) {
    TreeReading reading = read(codename, List.of(buildType));
    if (!reading.refused().isEmpty()) {
      RefusedEntry first = reading.refused().get(0);
      throw new SourceLayoutException(root.resolve(first.file()) + ": " + describe(first));
    }
    return reading.packages();
  }

  private static String describe(RefusedEntry refused) {
    return (refused.field().isEmpty() ? "" : "field '" + refused.field() + "': ")
        + refused.reason();
  }

  /**
   * Reads every list entry of the build types for a codename, never stopping at a bad one: each
   * entry is either a package or a refusal naming file, field and reason.
   *
   * @throws SourceLayoutException when the codename is unknown or the tree has no lists for it
   */
  public TreeReading read(String codename, List<String> buildTypes) {
    StxDistribution.check(codename);
    List<PackageRecipe> packages = new ArrayList<>();
    List<RefusedEntry> refused = new ArrayList<>();
    List<Path> lists = new ArrayList<>();
    List<Path> repositories = repositories();
    for (String buildType : buildTypes) {
      for (Path repository : repositories) {
        Path list = listFile(repository, codename, buildType);
        if (list == null) {
          continue;
        }
        lists.add(list);
        List<String> layers = layers(repository);
        for (String entry : readList(list)) {
          String repo = relative(repository);
          try {
            packages.add(recipe(repository, list, entry, codename, buildType, layers));
          } catch (SourceLayoutException e) {
            refused.add(
                RefusedEntry.of(repo, entry, buildType, root, relative(list), e.getMessage())
                    .withBinaries(packagedBinaries(repository, entry, codename)));
          }
        }
      }
    }
    if (lists.isEmpty()) {
      throw new SourceLayoutException(noListsMessage(codename, buildTypes, repositories));
    }
    return new TreeReading(codename, buildTypes, packages, refused, lists);
  }

  /**
   * The binary packages a refused entry's {@code deb_folder/control} names, when the entry's
   * directory, metadata and control file can still be read (most refusals are about a field of
   * meta_data.yaml, not about the packaging); empty otherwise.
   */
  private List<String> packagedBinaries(Path repository, String entry, String codename) {
    try {
      Path dir = repository.resolve(entry).normalize();
      if (!dir.startsWith(root) || !Files.isDirectory(dir)) {
        return List.of();
      }
      Path control = metaDataFile(dir, codename).resolveSibling("deb_folder").resolve("control");
      if (!Files.isRegularFile(control) || !control.toRealPath().startsWith(root.toRealPath())) {
        return List.of();
      }
      return DebControl.read(control).binaries().stream().map(b -> b.name()).toList();
    } catch (RuntimeException | IOException e) {
      return List.of(); // unreadable packaging: the plan falls back to the directory's name
    }
  }

  private String noListsMessage(String codename, List<String> buildTypes, List<Path> repos) {
    String expected =
        "debian_"
            + codename
            + "_pkg_dirs_"
            + buildTypes.get(0)
            + (codename.equals("bullseye") ? " or debian_pkg_dirs" : "");
    if (!repos.isEmpty()) {
      return "no package list for "
          + codename
          + " ("
          + String.join(", ", buildTypes)
          + ") in "
          + root
          + ": its repositories ("
          + String.join(", ", repos.stream().map(this::relative).toList())
          + ") have no "
          + expected;
    }
    try (Stream<Path> walk = Files.walk(root, DEEPER_SEARCH_DEPTH)) {
      Path deeper =
          walk.filter(p -> p.getFileName().toString().matches("debian_(.+_)?pkg_dirs(_.+)?"))
              .filter(p -> !p.toString().contains("/.git/"))
              .findFirst()
              .orElse(null);
      if (deeper != null) {
        Path suggestion = deeper.getParent();
        for (int i = 0; i < 3 && suggestion.getParent() != null && !suggestion.equals(root); i++) {
          suggestion = suggestion.getParent();
        }
        return "no package lists within "
            + MAX_REPOSITORY_DEPTH
            + " levels of "
            + root
            + "; one is at "
            + deeper
            + ": give the StarlingX root (the directory holding cgcs-root), e.g. --tree "
            + suggestion;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot scan source tree " + root, e);
    }
    return "no package lists ("
        + expected
        + ") anywhere in "
        + root
        + "; expected a StarlingX tree: <root>/cgcs-root/stx/<repository>/"
        + expected;
  }

  /** The list files that apply, one per repository of the tree. */
  public List<Path> listFiles(String codename, String buildType) {
    List<Path> lists = new ArrayList<>();
    for (Path repository : repositories()) {
      Path list = listFile(repository, codename, buildType);
      if (list != null) {
        lists.add(list);
      }
    }
    return lists;
  }

  /** discovery.py's package_dir_list: which list of a repository applies. */
  static Path listFile(Path repository, String codename, String buildType) {
    List<String> candidates =
        codename.equals("bullseye")
            ? buildType.equals("std")
                ? List.of("debian_pkg_dirs_std", "debian_bullseye_pkg_dirs_std", "debian_pkg_dirs")
                : List.of("debian_pkg_dirs_" + buildType, "debian_bullseye_pkg_dirs_" + buildType)
            : List.of("debian_" + codename + "_pkg_dirs_" + buildType);
    return candidates.stream()
        .map(repository::resolve)
        .filter(Files::isRegularFile)
        .findFirst()
        .orElse(null);
  }

  /** Directories holding a package list: the tree's root and its repositories. */
  public List<Path> repositories() {
    try (Stream<Path> walk = Files.walk(root, MAX_REPOSITORY_DEPTH)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().matches("debian_(.+_)?pkg_dirs(_.+)?"))
          .filter(p -> !p.toString().contains("/.git/"))
          // discovery.py skips projects under a do-not-build directory
          .filter(p -> !p.toString().contains("/do-not-build"))
          .map(Path::getParent)
          .distinct()
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot scan source tree " + root, e);
    }
  }

  private String relative(Path path) {
    return path.equals(root) ? "." : root.relativize(path).toString();
  }

  /** bc_safe_fetch: stripped lines, blank ones and those starting with '#' skipped. */
  private List<String> readList(Path list) {
    paths.contained(list, list, "package list");
    return InputLimits.readLines(list, InputLimits.LIST_BYTES, "package list").stream()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }

  private List<String> layers(Path repository) {
    Path cfg = repository.resolve("debian_build_layer.cfg");
    return Files.isRegularFile(cfg) ? readList(cfg) : List.of();
  }

  private PackageRecipe recipe(
      Path repository,
      Path list,
      String relativeDir,
      String codename,
      String buildType,
      List<String> layers) {
    Path dir = paths.resolve(repository, relativeDir, list, "package directory");
    if (!Files.isDirectory(dir)) {
      throw new SourceLayoutException(
          list
              + ": package directory '"
              + relativeDir
              + "' does not exist in "
              + relative(repository)
              + " (StarlingX skips it)");
    }
    Path metaFile = metaDataFile(dir, codename);
    Path metaDir = metaFile.getParent();
    paths.contained(metaFile, metaFile, "meta_data.yaml");
    MetaData meta = MetaData.read(metaFile);
    String name = meta.debname() != null ? meta.debname() : dir.getFileName().toString();

    Path srcPath = null;
    if (meta.srcPath() != null) {
      String expanded = variables.expand(meta.srcPath());
      // debrepack: an absolute path after expansion is taken as is, else the path as written is
      // joined to the package directory
      srcPath =
          expanded.startsWith("/")
              ? paths.contained(Path.of(expanded), metaFile, "src_path")
              : paths.resolve(dir, meta.srcPath(), metaFile, "src_path");
      // debrepack checks a relative src_path when reading; an absolute one (e.g. a separate
      // checkout under ${MY_REPO}/stx/git) only when it copies it
      if (!expanded.startsWith("/") && !Files.isDirectory(srcPath)) {
        throw new SourceLayoutException(
            metaFile
                + ": field 'src_path': directory '"
                + meta.srcPath()
                + "' does not exist ("
                + srcPath
                + ")");
      }
    }
    List<Path> srcFiles = new ArrayList<>();
    for (String file : meta.srcFiles()) {
      String expanded = variables.expand(file);
      Path source =
          expanded.startsWith("/")
              ? paths.contained(Path.of(expanded), metaFile, "src_files")
              : paths.resolve(dir, file, metaFile, "src_files");
      if (!Files.exists(source)) {
        throw new SourceLayoutException(
            metaFile + ": field 'src_files': '" + file + "' does not exist (" + source + ")");
      }
      srcFiles.add(source);
    }

    RecipeKind kind = kind(meta);
    Path debFolder = metaDir.resolve("deb_folder");
    if (!Files.isDirectory(debFolder)) {
      debFolder = null;
    }
    Path dlHook = null;
    switch (kind) {
      case DL_HOOK -> {
        dlHook =
            meta.dlHook().startsWith("/") ? Path.of(meta.dlHook()) : metaDir.resolve(meta.dlHook());
        if (!Files.isRegularFile(dlHook)) {
          throw new SourceLayoutException(
              metaFile + ": field 'dl_hook': script '" + meta.dlHook() + "' does not exist");
        }
        if (!Files.isExecutable(dlHook)) {
          throw new SourceLayoutException(
              metaFile + ": field 'dl_hook': script '" + meta.dlHook() + "' is not executable");
        }
      }
      case IN_TREE -> {
        if (debFolder == null || !Files.isRegularFile(debFolder.resolve("control"))) {
          throw new SourceLayoutException(
              metaFile
                  + ": expected the packaging in "
                  + relative(metaDir)
                  + "/deb_folder/ (with a control file) for in-tree sources");
        }
      }
      default -> {
        // a tarball may carry its own debian/; an upstream .dsc has its packaging
      }
    }
    List<SourceDownload> downloads = downloads(metaFile, meta, name);
    for (MetaData.Download file : meta.dlFiles().values()) {
      if (!file.topdirGiven() && kind != RecipeKind.UPSTREAM_DSC) {
        throw new SourceLayoutException(
            metaFile
                + ": field 'dl_files."
                + file.name()
                + ".topdir' is missing; expected a directory to unpack into, or null");
      }
    }
    String suffix = RevisionSuffix.of(metaFile, meta, dir, metaDir, srcPath, srcFiles, variables);
    String baseVersion = meta.debver();
    if (debFolder != null && Files.isRegularFile(debFolder.resolve("changelog"))) {
      String fromChangelog = changelogVersion(debFolder.resolve("changelog"));
      if (fromChangelog != null) {
        baseVersion = fromChangelog;
      }
    }
    return paths.checked(
        new PackageRecipe(
            relativeDir,
            dir,
            metaFile,
            meta,
            kind,
            debFolder,
            metaDir.resolve("patches"),
            metaDir.resolve("deb_patches"),
            downloads,
            new PackageRecipe.Details(
                relative(repository),
                list,
                buildType,
                name,
                baseVersion + suffix,
                suffix,
                srcPath,
                srcFiles,
                dlHook,
                layers)));
  }

  /** discovery.py's get_relocated_package_dir. */
  private Path metaDataFile(Path dir, String codename) {
    Path debian = dir.resolve("debian");
    List<Path> candidates =
        codename.equals("bullseye")
            ? List.of(
                debian.resolve("meta_data.yaml"),
                debian.resolve("bullseye").resolve("meta_data.yaml"),
                debian.resolve("all").resolve("meta_data.yaml"))
            : List.of(
                debian.resolve(codename).resolve("meta_data.yaml"),
                debian.resolve("all").resolve("meta_data.yaml"));
    for (Path candidate : candidates) {
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new SourceLayoutException(
        dir
            + ": no meta_data.yaml for "
            + codename
            + "; expected one of "
            + String.join(
                ", ", candidates.stream().map(c -> dir.relativize(c).toString()).toList()));
  }

  /** debrepack's order: dl_hook, dl_path, src_path (even null), else an upstream .dsc. */
  private static RecipeKind kind(MetaData meta) {
    if (meta.dlHook() != null) {
      return RecipeKind.DL_HOOK;
    }
    if (meta.dlPath() != null) {
      return RecipeKind.TARBALL;
    }
    if (meta.srcPathGiven()) {
      return RecipeKind.IN_TREE;
    }
    return RecipeKind.UPSTREAM_DSC;
  }

  /** The top entry's version of a Debian changelog (null when it has none). */
  static String changelogVersion(Path changelog) {
    try (Stream<String> lines = Files.lines(changelog)) {
      return lines
          .filter(l -> !l.isBlank())
          .findFirst()
          .map(CHANGELOG_HEAD::matcher)
          .filter(Matcher::find)
          .map(m -> m.group(2))
          .orElse(null);
    } catch (IOException | UncheckedIOException e) {
      return null;
    }
  }

  private static List<SourceDownload> downloads(Path metaFile, MetaData meta, String name) {
    List<SourceDownload> downloads = new ArrayList<>();
    if (meta.dlPath() != null) {
      downloads.add(download(metaFile, "dl_path", meta.dlPath().name(), meta.dlPath()));
    } else if (meta.archive() != null && meta.dscSha256() != null) {
      String dsc = dscName(name, meta.debver());
      MetaData.Download pinned =
          new MetaData.Download(
              dsc, archiveBase(meta.archive()) + dsc, null, meta.dscSha256(), null);
      downloads.add(download(metaFile, "archive", dsc, pinned));
    }
    meta.dlFiles()
        .forEach((file, d) -> downloads.add(download(metaFile, "dl_files." + file, file, d)));
    return downloads;
  }

  /** {@code <name>_<version without epoch>.dsc}, as debrepack names the upstream .dsc. */
  public static String dscName(String name, String debver) {
    return name + "_" + debver.strip().replaceFirst("^[0-9]+:", "") + ".dsc";
  }

  static String archiveBase(String archive) {
    return archive.endsWith("/") ? archive : archive + "/";
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
}
