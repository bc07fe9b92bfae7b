package org.starlingx.stxbuild.engine.repo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file's size and the digests apt indexes list (MD5sum, SHA1, SHA256), read in one pass.
 *
 * @param size bytes
 * @param md5 lower-case hex
 * @param sha1 lower-case hex
 * @param sha256 lower-case hex; the identity of a file everywhere in this project
 */
public record FileDigests(long size, String md5, String sha1, String sha256) {

  public static FileDigests of(Path file) {
    MessageDigest md5 = digest("MD5");
    MessageDigest sha1 = digest("SHA-1");
    MessageDigest sha256 = digest("SHA-256");
    long size = 0;
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        md5.update(buffer, 0, read);
        sha1.update(buffer, 0, read);
        sha256.update(buffer, 0, read);
        size += read;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    HexFormat hex = HexFormat.of();
    return new FileDigests(
        size,
        hex.formatHex(md5.digest()),
        hex.formatHex(sha1.digest()),
        hex.formatHex(sha256.digest()));
  }

  /** Digests of bytes in memory, for index files written by this project. */
  public static FileDigests of(byte[] bytes) {
    HexFormat hex = HexFormat.of();
    return new FileDigests(
        bytes.length,
        hex.formatHex(digest("MD5").digest(bytes)),
        hex.formatHex(digest("SHA-1").digest(bytes)),
        hex.formatHex(digest("SHA-256").digest(bytes)));
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no " + algorithm, e);
    }
  }
}
