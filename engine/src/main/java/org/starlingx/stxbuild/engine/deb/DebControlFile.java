package org.starlingx.stxbuild.engine.deb;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Reads the {@code control} file of a {@code .deb} in process: the ar archive, its {@code
 * control.tar} (uncompressed, gzip or xz, the forms dpkg-deb writes by default) and the tar entry.
 * Indexing thousands of packages this way costs no process per package; a package in another form
 * (zstd) is read with {@code dpkg-deb --field}.
 */
public final class DebControlFile {
  private static final String AR_MAGIC = "!<arch>\n";
  private static final int AR_HEADER = 60;
  private static final int TAR_BLOCK = 512;

  private DebControlFile() {}

  /** The control paragraph of {@code deb}, as its {@code DEBIAN/control} holds it. */
  public static String read(Path deb) {
    try (InputStream file = Files.newInputStream(deb)) {
      DataInputStream in = new DataInputStream(file);
      byte[] magic = in.readNBytes(AR_MAGIC.length());
      if (!AR_MAGIC.equals(new String(magic, StandardCharsets.US_ASCII))) {
        throw new IllegalArgumentException(deb + " is not a .deb (no ar archive header)");
      }
      byte[] header = new byte[AR_HEADER];
      while (true) {
        try {
          in.readFully(header);
        } catch (EOFException e) {
          throw new IllegalArgumentException(deb + " is not a .deb: it has no control.tar member");
        }
        String name = new String(header, 0, 16, StandardCharsets.US_ASCII).strip();
        long size = Long.parseLong(new String(header, 48, 10, StandardCharsets.US_ASCII).strip());
        if (name.startsWith("control.tar")) {
          byte[] member = new byte[Math.toIntExact(size)];
          in.readFully(member);
          return controlFromTar(deb, name, member);
        }
        in.skipNBytes(size + (size % 2));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + deb, e);
    }
  }

  private static String controlFromTar(Path deb, String member, byte[] bytes) throws IOException {
    String compression = member.substring("control.tar".length()).replace("/", "");
    InputStream raw = new ByteArrayInputStream(bytes);
    InputStream tar =
        switch (compression) {
          case "" -> raw;
          case ".gz" -> new GZIPInputStream(raw);
          case ".xz" -> new XZInputStream(raw);
          default -> null;
        };
    if (tar == null) {
      return DpkgDebFields.of(deb);
    }
    try (tar) {
      return findControl(deb, tar);
    }
  }

  private static String findControl(Path deb, InputStream tar) throws IOException {
    byte[] header = new byte[TAR_BLOCK];
    while (tar.readNBytes(header, 0, TAR_BLOCK) == TAR_BLOCK && header[0] != 0) {
      String name = cString(header, 0, 100);
      String octal = cString(header, 124, 12).strip();
      long size = octal.isEmpty() ? 0 : Long.parseLong(octal, 8);
      long padded = (size + TAR_BLOCK - 1) / TAR_BLOCK * TAR_BLOCK;
      if (name.equals("./control") || name.equals("control")) {
        byte[] content = tar.readNBytes(Math.toIntExact(size));
        return new String(content, StandardCharsets.UTF_8);
      }
      tar.skipNBytes(padded);
    }
    throw new IllegalArgumentException(deb + " is not a .deb: its control.tar has no control file");
  }

  private static String cString(byte[] bytes, int offset, int length) {
    int end = offset;
    while (end < offset + length && bytes[end] != 0) {
      end++;
    }
    return new String(bytes, offset, end - offset, StandardCharsets.US_ASCII);
  }

  /** The fallback for compressions the JDK cannot read. */
  private static final class DpkgDebFields {
    static String of(Path deb) {
      try {
        Process process =
            new ProcessBuilder("dpkg-deb", "--field", deb.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
          throw new IllegalArgumentException(
              "dpkg-deb cannot read the control fields of " + deb + ": " + out.strip());
        }
        return out;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot run dpkg-deb for " + deb, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted reading " + deb, e);
      }
    }
  }
}
