package org.starlingx.stxbuild.engine.chroot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.starlingx.stxbuild.engine.files.FileTrees;

/**
 * Chroots cached per {@link ChrootSpec#key()}: a tarball made with {@code mmdebstrap} and, unpacked
 * from it once, a root directory that builds use read-only as the lower layer of their own overlay
 * (so parallel builds never share anything writable and nobody writes the cache). A chroot is made
 * when missing, when older than the maximum age (the mirror moves on), or on demand (refresh).
 * Preparation is locked per chroot across threads and processes: one prepares, the others wait and
 * reuse its result.
 *
 * <p>Layout under the cache root: {@code <name>.tar.zst}, {@code <name>.root/}, {@code <name>.log}
 * (mmdebstrap's output), {@code <name>.lock}, {@code debs-<codename>-<arch>/}.
 */
public final class ChrootCache {
  /** A ready chroot; {@code created} tells a cold preparation from a warm one. */
  public record Prepared(ChrootSpec spec, Path tarball, Path root, Duration took, boolean created) {
    /**
     * The codename's {@code .deb} cache beside the chroot: what mmdebstrap downloaded for it and
     * the Debian build-deps builds in it downloaded.
     */
    public Path debCache() {
      return root.resolveSibling(debCacheName(spec));
    }
  }

  private static String debCacheName(ChrootSpec spec) {
    return "debs-" + spec.codename() + "-" + spec.arch();
  }

  private static final Map<Path, Object> LOCKS = new ConcurrentHashMap<>();
  private final Path cacheRoot;
  private final Duration maxAge;

  public ChrootCache(Path cacheRoot, Duration maxAge) {
    this.cacheRoot = cacheRoot.toAbsolutePath().normalize();
    this.maxAge = maxAge;
  }

  /** {@code $STX_CHROOT_CACHE}, else {@code ~/.cache/starlingx-build/chroots}. */
  public static Path defaultRoot() {
    String env = System.getenv("STX_CHROOT_CACHE");
    return env != null && !env.isBlank()
        ? Path.of(env)
        : Path.of(System.getProperty("user.home"), ".cache", "starlingx-build", "chroots");
  }

  public Path cacheRoot() {
    return cacheRoot;
  }

  public Path tarball(ChrootSpec spec) {
    return cacheRoot.resolve(spec.name() + ".tar.zst");
  }

  public Path root(ChrootSpec spec) {
    return cacheRoot.resolve(spec.name() + ".root");
  }

  /** Makes the chroot if needed (or always, with {@code refresh}) and returns it. */
  public Prepared prepare(ChrootSpec spec, boolean refresh) {
    long t0 = System.nanoTime();
    Path tarball = tarball(spec);
    Path root = root(spec);
    Path lockFile = cacheRoot.resolve(spec.name() + ".lock");
    synchronized (LOCKS.computeIfAbsent(lockFile, k -> new Object())) {
      try {
        Files.createDirectories(cacheRoot);
        try (FileChannel channel =
                FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.lock()) {
          boolean created = false;
          if (refresh || stale(tarball)) {
            make(spec, tarball);
            FileTrees.delete(root);
            created = true;
          }
          if (!Files.isDirectory(root)) {
            unpack(tarball, root);
            created = true;
          }
          return new Prepared(
              spec, tarball, root, Duration.ofNanos(System.nanoTime() - t0), created);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot prepare the " + spec.codename() + " chroot in " + cacheRoot, e);
      }
    }
  }

  private boolean stale(Path tarball) throws IOException {
    if (!Files.isRegularFile(tarball)) {
      return true;
    }
    FileTime made = Files.getLastModifiedTime(tarball);
    return made.toInstant().plus(maxAge).isBefore(Instant.now());
  }

  private void make(ChrootSpec spec, Path tarball) throws IOException {
    Path debCache = Files.createDirectories(cacheRoot.resolve(debCacheName(spec)));
    // mmdebstrap picks the format from the name: the partial file keeps the .tar.zst ending.
    Path partial = cacheRoot.resolve(spec.name() + ".partial.tar.zst");
    Files.deleteIfExists(partial);
    Path log = cacheRoot.resolve(spec.name() + ".log");
    int exit =
        HostCommand.run(MmdebstrapCommand.argv(spec, partial, debCache), cacheRoot, log, true);
    if (exit != 0 || !Files.isRegularFile(partial)) {
      Files.deleteIfExists(partial);
      throw new ChrootException(
          "mmdebstrap could not make the "
              + spec.codename()
              + " chroot from "
              + spec.mirror()
              + " (exit "
              + exit
              + "): "
              + tail(log));
    }
    Files.move(
        partial, tarball, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private void unpack(Path tarball, Path root) throws IOException {
    Path partial = root.resolveSibling(root.getFileName() + ".partial");
    FileTrees.delete(partial);
    Files.createDirectories(partial);
    List<String> argv = new ArrayList<>(Namespaces.asChrootOwner());
    argv.addAll(
        List.of(
            "tar",
            "--zstd",
            "-xpf",
            tarball.toString(),
            "--numeric-owner",
            // Builds mount their own /dev (ChrootBuildScript): the tarball's device nodes are
            // never used, and skipping them spares a container CAP_MKNOD (pod builds).
            "--exclude=./dev/*",
            "-C",
            partial.toString()));
    Path log = root.resolveSibling(root.getFileName() + ".unpack.log");
    int exit = HostCommand.run(argv, cacheRoot, log, false);
    if (exit != 0) {
      throw new ChrootException("cannot unpack " + tarball + " (exit " + exit + "): " + tail(log));
    }
    // apt's binary caches, made once here instead of by every build's first apt command.
    List<String> caches = new ArrayList<>(Namespaces.asChrootOwner());
    caches.addAll(List.of("chroot", partial.toString(), "apt-cache", "gencaches"));
    exit = HostCommand.run(caches, cacheRoot, log, false);
    if (exit != 0) {
      throw new ChrootException(
          "cannot make apt's caches in " + partial + " (exit " + exit + "): " + tail(log));
    }
    Files.move(partial, root, StandardCopyOption.ATOMIC_MOVE);
  }

  static String tail(Path log) {
    try {
      if (!Files.exists(log)) {
        return "(no output)";
      }
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()))
          + " (log "
          + log
          + ")";
    } catch (IOException | UncheckedIOException e) {
      return "(log " + log + " unreadable)";
    }
  }

  /** The cached chroots, by name, for listing. */
  public List<Path> tarballs() {
    if (!Files.isDirectory(cacheRoot)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(cacheRoot)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".tar.zst"))
          .filter(f -> !f.getFileName().toString().contains(".partial"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + cacheRoot, e);
    }
  }
}
