package org.starlingx.stxbuild.engine.change;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A sha256 over the files a build reads from a source tree: every regular file and symbolic link
 * under the given directories, by path relative to the root (sorted, so the order files were
 * created in does not matter), with their content. VCS metadata ({@code .git}) is left out: a new
 * commit that changes no file is no change.
 */
public final class SourceFingerprint {
  private SourceFingerprint() {}

  /**
   * Fingerprints {@code dirs} (relative to {@code root}) and the {@code listFiles} beside them (for
   * example {@code debian_pkg_dirs}); a missing directory or file counts as empty but by name.
   */
  public static String of(Path root, List<String> dirs, List<String> listFiles) {
    MessageDigest sha256 = sha256();
    List<String> inputs = new ArrayList<>();
    inputs.addAll(listFiles);
    for (String dir : dirs) {
      inputs.addAll(filesUnder(root, dir));
    }
    inputs.stream().distinct().sorted().forEach(relative -> digest(sha256, root, relative));
    return HexFormat.of().formatHex(sha256.digest());
  }

  private static List<String> filesUnder(Path root, String dir) {
    Path start = root.resolve(dir).normalize();
    if (!start.startsWith(root.normalize())) {
      throw new IllegalArgumentException(
          "source directory '" + dir + "' is outside the source tree " + root);
    }
    if (!Files.isDirectory(start)) {
      return List.of(dir + "/");
    }
    try (Stream<Path> walk = Files.walk(start)) {
      return walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
          .filter(p -> !root.relativize(p).toString().contains(".git/"))
          .map(p -> root.relativize(p).toString())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list source directory " + start, e);
    }
  }

  private static void digest(MessageDigest sha256, Path root, String relative) {
    sha256.update(relative.getBytes(StandardCharsets.UTF_8));
    sha256.update((byte) 0);
    Path file = root.resolve(relative);
    try {
      if (Files.isSymbolicLink(file)) {
        sha256.update(("link:" + Files.readSymbolicLink(file)).getBytes(StandardCharsets.UTF_8));
      } else if (Files.isRegularFile(file)) {
        try (InputStream in = Files.newInputStream(file)) {
          byte[] buffer = new byte[64 * 1024];
          for (int n; (n = in.read(buffer)) > 0; ) {
            sha256.update(buffer, 0, n);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read source file " + file, e);
    }
    sha256.update((byte) 0);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
