package org.starlingx.stxbuild.engine.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.starlingx.stxbuild.engine.exec.CommandFailedException;
import org.starlingx.stxbuild.engine.exec.CommandRunner;

/**
 * StarlingX's version suffix, as debrepack.py's {@code set_revision} counts it: {@code dist} (e.g.
 * {@code .stx}) then a dot and the sum of git commit counts (commits touching the directory,
 * optionally after a base commit, files named like {@code .gitreview} left out) plus uncommitted
 * changes there, for each counter the {@code revision:} block names, plus {@code stx_patch}.
 *
 * <p>A package outside any git work tree has no history to count: StarlingX fails there; this
 * project leaves the version as the metadata gives it (the sample tree is not a git repository).
 */
public final class RevisionSuffix {
  /** debrepack's REVISION_IGNORE: files that never change a package's revision. */
  private static final List<String> IGNORE = List.of(".gitreview");

  private RevisionSuffix() {}

  /**
   * The suffix ({@code ""} without a {@code revision:} block or outside git).
   *
   * @param metaFile for error messages
   * @param metaDir the directory holding the applicable meta_data.yaml
   * @param srcPath {@code src_path} expanded and resolved (null: none)
   * @param srcFiles {@code src_files} expanded and resolved
   */
  public static String of(
      Path metaFile,
      MetaData meta,
      Path packageDir,
      Path metaDir,
      Path srcPath,
      List<Path> srcFiles,
      TreeVariables variables) {
    MetaData.Revision revision = meta.revision();
    if (revision == null || !insideGit(metaDir)) {
      return "";
    }
    String dist = revision.dist() == null ? "" : variables.expand(revision.dist());
    int count = 0;
    if (revision.pkgGitRevCount()) {
      count += commits(metaFile, "revision.PKG_GITREVCOUNT", metaDir, revision.pkgBaseSrcrev());
    }
    if (revision.filesGitRevCount() != null) {
      if (srcFiles.isEmpty()) {
        throw new SourceLayoutException(
            metaFile + ": field 'revision.FILES_GITREVCOUNT' needs 'src_files', which is absent");
      }
      List<String> bases = revision.filesGitRevCount();
      if (srcFiles.size() > bases.size()) {
        throw new SourceLayoutException(
            metaFile
                + ": field 'revision.FILES_GITREVCOUNT': expected one base commit per src_files"
                + " entry ("
                + srcFiles.size()
                + "), got "
                + bases.size());
      }
      Map<Path, String> dirs = new LinkedHashMap<>();
      for (int i = 0; i < srcFiles.size(); i++) {
        Path file = srcFiles.get(i);
        dirs.putIfAbsent(Files.isRegularFile(file) ? file.getParent() : file, bases.get(i));
      }
      for (Map.Entry<Path, String> dir : dirs.entrySet()) {
        count += commits(metaFile, "revision.FILES_GITREVCOUNT", dir.getKey(), dir.getValue());
      }
    }
    if (revision.srcGitRevCount()) {
      if (!meta.srcPathGiven()) {
        throw new SourceLayoutException(
            metaFile + ": field 'revision.SRC_GITREVCOUNT' needs 'src_path', which is absent");
      }
      if (srcPath == null) {
        throw new SourceLayoutException(
            metaFile + ": field 'revision.SRC_GITREVCOUNT' needs a 'src_path', which is null");
      }
      count += commits(metaFile, "revision.SRC_GITREVCOUNT", srcPath, revision.srcBaseSrcrev());
    }
    if (revision.gitRevCount()) {
      Path dir = metaDir;
      String srcDir = revision.gitRevCountSrcDir();
      if (srcDir != null && !srcDir.isEmpty()) {
        String expanded = variables.expand(srcDir);
        dir = expanded.startsWith("/") ? Path.of(expanded) : packageDir.resolve(expanded);
      }
      count +=
          commits(
              metaFile, "revision.GITREVCOUNT", dir.normalize(), revision.gitRevCountBaseSrcrev());
    }
    if (revision.stxPatch() != null) {
      count += revision.stxPatch();
    }
    return dist + "." + count;
  }

  private static boolean insideGit(Path dir) {
    for (Path d = dir.toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.exists(d.resolve(".git"))) {
        return true;
      }
    }
    return false;
  }

  /** Commits touching {@code dir} (after {@code base}) plus its uncommitted changes. */
  private static int commits(Path metaFile, String field, Path dir, String base) {
    if (!Files.isDirectory(dir)) {
      throw new SourceLayoutException(
          metaFile + ": field '" + field + "': directory " + dir + " does not exist");
    }
    List<String> argv = new ArrayList<>(List.of("git", "rev-list", "--count"));
    argv.add(base == null || base.isBlank() ? "HEAD" : base.strip() + "..HEAD");
    argv.add("--");
    argv.add(".");
    try (Stream<Path> entries = Files.list(dir)) {
      entries
          .map(p -> p.getFileName().toString())
          .filter(name -> IGNORE.stream().anyMatch(name::contains))
          .sorted()
          .forEach(name -> argv.add(":!" + name));
    } catch (java.io.IOException e) {
      throw new SourceLayoutException(metaFile + ": field '" + field + "': cannot list " + dir, e);
    }
    try {
      int committed = Integer.parseInt(CommandRunner.run(dir, argv).output().strip());
      String status = CommandRunner.run(dir, List.of("git", "status", "--porcelain", ".")).output();
      int changed = (int) status.lines().filter(l -> !l.isEmpty()).count();
      return committed + changed;
    } catch (CommandFailedException | NumberFormatException e) {
      throw new SourceLayoutException(
          metaFile
              + ": field '"
              + field
              + "': cannot count the commits of "
              + dir
              + (base == null ? "" : " after " + base)
              + " (is the base commit in the repository's history?)",
          e);
    }
  }
}
