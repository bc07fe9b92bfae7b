package org.starlingx.stxbuild.engine.files;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;

/**
 * Unpacks an upstream tarball as an unprivileged copy, whoever runs it: members keep no owner (the
 * files belong to the running user), device nodes, FIFOs and sockets are left out, setuid, setgid,
 * sticky and world-write bits are dropped, and a member that would land outside the target (an
 * absolute name, {@code ..}, or a path through a link) refuses the whole archive. {@code tar} run
 * as root would keep all of those, leaving device nodes and setuid programs reachable in the work
 * directory.
 */
public final class SafeArchiveExtractor {
  private static final Set<PosixFilePermission> KEPT =
      EnumSet.of(
          PosixFilePermission.OWNER_READ,
          PosixFilePermission.OWNER_WRITE,
          PosixFilePermission.OWNER_EXECUTE,
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_EXECUTE);

  /** What was unpacked, and which members were left out (with why). */
  public record Extracted(int members, List<String> leftOut) {}

  /** A member that would land outside the target: the archive is refused. */
  public static final class RefusedArchiveException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RefusedArchiveException(String message) {
      super(message);
    }
  }

  private SafeArchiveExtractor() {}

  /**
   * Unpacks {@code archive} (tar, optionally gzip, bzip2 or xz compressed) into {@code target}
   * (created), dropping the first {@code stripComponents} name components as {@code tar
   * --strip-components} does.
   */
  public static Extracted extract(Path archive, Path target, int stripComponents) {
    try {
      Files.createDirectories(target);
      Path root = target.toRealPath();
      List<String> leftOut = new ArrayList<>();
      int members = 0;
      try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive));
          TarArchiveInputStream tar = new TarArchiveInputStream(decompressed(raw, archive))) {
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
          String name = stripped(entry.getName(), stripComponents);
          if (name == null) {
            continue;
          }
          Path path = inside(root, name, archive, entry.getName());
          if (entry.isDirectory()) {
            makeDirectories(root, path, archive, entry.getName());
            Files.setPosixFilePermissions(path, permissions(entry.getMode(), 0700));
          } else if (entry.isSymbolicLink()) {
            prepareParent(root, path, archive, entry.getName());
            Files.deleteIfExists(path);
            Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
          } else if (entry.isLink()) {
            String linkName = stripped(entry.getLinkName(), stripComponents);
            Path source =
                linkName == null ? null : inside(root, linkName, archive, entry.getLinkName());
            if (source == null || !Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
              leftOut.add(entry.getName() + " (hard link to a file not unpacked)");
              continue;
            }
            prepareParent(root, path, archive, entry.getName());
            Files.copy(
                source,
                path,
                StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.COPY_ATTRIBUTES,
                LinkOption.NOFOLLOW_LINKS);
          } else if (regular(entry)) {
            prepareParent(root, path, archive, entry.getName());
            Files.deleteIfExists(path);
            Files.copy(tar, path);
            Files.setPosixFilePermissions(path, permissions(entry.getMode(), 0600));
            Files.setLastModifiedTime(
                path, java.nio.file.attribute.FileTime.from(entry.getModTime().toInstant()));
          } else {
            leftOut.add(entry.getName() + " (" + kind(entry) + ", not unpacked)");
            continue;
          }
          members++;
        }
      }
      return new Extracted(members, List.copyOf(leftOut));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack " + archive + " into " + target, e);
    }
  }

  /**
   * The same rules for a tree another tool unpacked ({@code dpkg-source -x} of an upstream source
   * package): special files are removed, setuid/setgid/sticky and group/world-write bits dropped.
   * Returns what was removed.
   */
  public static List<String> sanitize(Path dir) {
    List<String> removed = new ArrayList<>();
    try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.toList()) {
        if (Files.isSymbolicLink(path)) {
          continue;
        }
        if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
            && !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
          Files.delete(path);
          removed.add(dir.relativize(path).toString());
          continue;
        }
        int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        if ((mode & 07022) != 0) {
          Files.setPosixFilePermissions(path, permissions(mode, 0));
        }
      }
      return removed;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check the unpacked tree " + dir, e);
    }
  }

  private static InputStream decompressed(InputStream raw, Path archive) throws IOException {
    try {
      String format = CompressorStreamFactory.detect(raw);
      return new BufferedInputStream(
          CompressorStreamFactory.getSingleton().createCompressorInputStream(format, raw));
    } catch (CompressorException notCompressed) {
      if (notCompressed.getMessage() != null
          && notCompressed.getMessage().contains("No Compressor found")) {
        return raw;
      }
      throw new IOException(archive + ": " + notCompressed.getMessage(), notCompressed);
    }
  }

  /** The name without its first {@code strip} components; null when nothing is left. */
  private static String stripped(String name, int strip) {
    String[] parts = name.split("/+");
    List<String> kept = new ArrayList<>();
    int skipped = 0;
    for (String part : parts) {
      if (part.isEmpty() && skipped == 0 && kept.isEmpty() && name.startsWith("/")) {
        kept.add(""); // keeps an absolute name absolute, so it is refused below
        continue;
      }
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (skipped < strip) {
        skipped++;
        continue;
      }
      kept.add(part);
    }
    if (kept.isEmpty() || (kept.size() == 1 && kept.get(0).isEmpty())) {
      return null;
    }
    return String.join("/", kept);
  }

  private static Path inside(Path root, String name, Path archive, String member) {
    Path path = root.resolve(name).normalize();
    if (name.startsWith("/") || List.of(name.split("/")).contains("..") || !path.startsWith(root)) {
      throw new RefusedArchiveException(
          archive
              + ": member '"
              + member
              + "' would be unpacked outside "
              + root
              + "; the archive is refused");
    }
    return path;
  }

  /** Creates the parent directories, refusing a parent that is a link (it could lead out). */
  private static void prepareParent(Path root, Path path, Path archive, String member)
      throws IOException {
    makeDirectories(root, path.getParent(), archive, member);
  }

  private static void makeDirectories(Path root, Path dir, Path archive, String member)
      throws IOException {
    Path current = root;
    for (Path part : root.relativize(dir)) {
      if (part.toString().isEmpty()) {
        continue;
      }
      current = current.resolve(part);
      if (Files.isSymbolicLink(current)) {
        throw new RefusedArchiveException(
            archive
                + ": member '"
                + member
                + "' would be unpacked through the link "
                + root.relativize(current)
                + "; the archive is refused");
      }
      if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectory(current);
      } else if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
        Files.delete(current);
        Files.createDirectory(current);
      }
    }
  }

  /** The member's mode without special or world-write bits, plus what the owner needs. */
  static Set<PosixFilePermission> permissions(int mode, int ownerNeeds) {
    Set<PosixFilePermission> result = EnumSet.noneOf(PosixFilePermission.class);
    int bits = (mode | ownerNeeds) & 0777;
    PosixFilePermission[] order = {
      PosixFilePermission.OTHERS_EXECUTE,
      PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_READ,
      PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE,
      PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_READ
    };
    for (int i = 0; i < order.length; i++) {
      if ((bits & (1 << i)) != 0 && KEPT.contains(order[i])) {
        result.add(order[i]);
      }
    }
    return result;
  }

  /**
   * A plain file by its type flag ({@link TarArchiveEntry#isFile()} also says yes to devices and
   * FIFOs, whose names do not end in a slash).
   */
  private static boolean regular(TarArchiveEntry entry) {
    byte flag = entry.getLinkFlag();
    return flag == TarConstants.LF_NORMAL
        || flag == TarConstants.LF_OLDNORM
        || flag == TarConstants.LF_CONTIG
        || flag == TarConstants.LF_GNUTYPE_SPARSE;
  }

  private static String kind(TarArchiveEntry entry) {
    if (entry.isCharacterDevice()) {
      return "character device";
    }
    if (entry.isBlockDevice()) {
      return "block device";
    }
    if (entry.isFIFO()) {
      return "FIFO";
    }
    return "special member of type " + (char) entry.getLinkFlag();
  }
}
