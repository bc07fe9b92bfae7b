package org.starlingx.stxbuild.engine.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies a recipe's {@code src_path} into the source directory as debrepack does ({@code cp -rL}:
 * symbolic links are followed, the package gets the files they point to), confined to the source
 * tree: a link that leads outside the tree is refused instead of copying a file of the machine into
 * a package (StarlingX, run by one user on their own checkout, copies it; a shared service must
 * not). A dangling link or a loop is refused too, as {@code cp -rL} fails on them.
 */
final class SourcePathCopy {
  private SourcePathCopy() {}

  /**
   * @param treeRoot the source tree the links must stay in
   * @param metaFile the meta_data.yaml naming {@code srcPath} (for messages)
   */
  static void copy(Path srcPath, Path into, Path treeRoot, Path metaFile) throws IOException {
    Path realRoot = treeRoot.toRealPath();
    Path realSrc = srcPath.toRealPath();
    List<Path> entries;
    try (Stream<Path> walk = Files.walk(srcPath, FileVisitOption.FOLLOW_LINKS)) {
      entries = walk.toList();
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof FileSystemLoopException loop) {
        throw refused(
            metaFile, srcPath, loop.getFile() + " is a link loop (a directory in itself)");
      }
      throw e;
    }
    for (Path source : entries) {
      Path real;
      try {
        real = source.toRealPath();
      } catch (NoSuchFileException dangling) {
        throw refused(
            metaFile,
            srcPath,
            "the link "
                + source
                + " points to "
                + Files.readSymbolicLink(source)
                + ", which does not exist; expected an existing file");
      }
      Path relative = srcPath.relativize(source);
      // Reached through no link: src_path itself was checked when the tree was read.
      boolean throughLink = !real.equals(realSrc.resolve(relative.toString()).normalize());
      if (throughLink && !real.startsWith(realRoot)) {
        throw refused(
            metaFile,
            srcPath,
            source
                + " leads outside the source tree "
                + treeRoot
                + " (to "
                + real
                + "); expected links that stay inside the tree");
      }
      Path target = into.resolve(relative.toString());
      if (Files.isDirectory(source)) {
        Files.createDirectories(target);
      } else {
        Files.createDirectories(target.getParent());
        Files.copy(
            source,
            target,
            StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }

  private static SourceLayoutException refused(Path metaFile, Path srcPath, String why) {
    return new SourceLayoutException(metaFile + ": field 'src_path' (" + srcPath + "): " + why);
  }
}
