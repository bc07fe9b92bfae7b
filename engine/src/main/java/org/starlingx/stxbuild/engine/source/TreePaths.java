package org.starlingx.stxbuild.engine.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The one rule for paths a tree names: each is resolved with its symbolic links against the tree's
 * real root and refused when it ends outside it. A tree is input nobody vetted: a {@code src_files}
 * entry linked to {@code /etc/passwd} would otherwise put the host's file into a package of the
 * shared repository. Links that stay inside the tree are followed as before.
 */
public final class TreePaths {
  private final Path root;
  private final Path realRoot;

  private TreePaths(Path root, Path realRoot) {
    this.root = root;
    this.realRoot = realRoot;
  }

  /** The rule for the tree at {@code root} (a directory). */
  public static TreePaths of(Path root) {
    try {
      return new TreePaths(root.toAbsolutePath().normalize(), root.toRealPath());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve the source tree " + root, e);
    }
  }

  /**
   * {@code value}, relative to {@code base}, as a path inside the tree; refused when it is absolute
   * or leads outside.
   *
   * @param file the file that names the path (for the message)
   * @param field the field or role of the path in {@code file}
   */
  public Path resolve(Path base, String value, Path file, String field) {
    if (value == null || value.isBlank()) {
      throw new SourceLayoutException(file + ": field '" + field + "': expected a path, got none");
    }
    if (Path.of(value).isAbsolute()) {
      throw new SourceLayoutException(
          file
              + ": field '"
              + field
              + "': '"
              + value
              + "' is absolute; expected a path relative to "
              + base);
    }
    Path path = base.resolve(value).normalize();
    check(path, file, field, value);
    return path;
  }

  /** Refuses {@code path} (named by {@code file}'s {@code field}) when it leads outside. */
  public Path contained(Path path, Path file, String field) {
    check(path.toAbsolutePath().normalize(), file, field, path.toString());
    return path;
  }

  /**
   * Checks every path of a recipe: its metadata, packaging, in-tree sources, extra files and
   * patches (the patch directories and each patch their series names).
   */
  public PackageRecipe checked(PackageRecipe recipe) {
    Path meta = recipe.metaFile();
    contained(recipe.dir(), meta, "package directory");
    contained(meta, meta, "meta_data.yaml");
    if (recipe.debFolder() != null) {
      contained(recipe.debFolder(), meta, "deb_folder");
    }
    // As StarlingX expands them (${MY_REPO}/...): an absolute path is fine while it stays inside.
    if (recipe.details().srcPath() != null) {
      contained(recipe.details().srcPath(), meta, "src_path");
    }
    for (Path file : recipe.details().srcFiles()) {
      contained(file, meta, "src_files");
    }
    if (recipe.details().dlHook() != null) {
      contained(recipe.details().dlHook(), meta, "dl_hook");
    }
    for (Path patches : List.of(recipe.patches(), recipe.debPatches())) {
      String field = patches.getFileName().toString();
      if (Files.exists(patches, LinkOption.NOFOLLOW_LINKS)) {
        contained(patches, meta, field);
        for (Path patch : patchFiles(patches)) {
          contained(patch, patches.resolve("series"), field);
        }
      }
    }
    return recipe;
  }

  /** The series entries and *.patch files of a patch directory, as paths (not yet checked). */
  private static List<Path> patchFiles(Path dir) {
    List<Path> files = new ArrayList<>();
    try {
      Path series = dir.resolve("series");
      if (Files.exists(series, LinkOption.NOFOLLOW_LINKS)) {
        files.add(series);
        for (String line : InputLimits.readLines(series, InputLimits.LIST_BYTES, "patch series")) {
          String name = line.strip();
          if (!name.isEmpty() && !name.startsWith("#")) {
            files.add(dir.resolve(name.split("\\s+")[0]).normalize());
          }
        }
      }
      if (Files.isDirectory(dir)) {
        try (Stream<Path> list = Files.list(dir)) {
          list.forEach(files::add);
        }
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list patches in " + dir, e);
    }
  }

  private void check(Path path, Path file, String field, String value) {
    Path real = real(path);
    if (!real.startsWith(realRoot)) {
      throw new SourceLayoutException(
          file
              + ": field '"
              + field
              + "': '"
              + value
              + "' leads outside the source tree "
              + root
              + " (to "
              + real
              + "); expected a path inside the tree");
    }
  }

  /**
   * The path with every symbolic link resolved; for a path that does not exist yet, its deepest
   * existing ancestor resolved plus the rest.
   */
  static Path real(Path path) {
    Path existing = path;
    Path rest = null;
    while (existing != null) {
      try {
        Path real = existing.toRealPath();
        return rest == null ? real : real.resolve(rest).normalize();
      } catch (IOException notThere) {
        if (Files.isSymbolicLink(existing)) {
          // A dangling link: where it would point decides.
          try {
            Path target = existing.getParent().resolve(Files.readSymbolicLink(existing));
            return rest == null ? real(target.normalize()) : real(target.resolve(rest).normalize());
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read the link " + existing, e);
          }
        }
        Path name = existing.getFileName();
        rest = rest == null ? name : name.resolve(rest);
        existing = existing.getParent();
      }
    }
    return path;
  }
}
