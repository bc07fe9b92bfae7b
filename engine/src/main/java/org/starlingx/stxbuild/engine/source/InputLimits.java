package org.starlingx.stxbuild.engine.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Size limits checked before a tree's file is parsed: a 50 MB {@code meta_data.yaml} would
 * otherwise take minutes of CPU and gigabytes of memory with no output. The limits are far above
 * what StarlingX's own files need (its largest meta_data.yaml and control files are a few KB).
 */
public final class InputLimits {
  /** A {@code meta_data.yaml}. */
  public static final long METADATA_BYTES = 1L << 20;

  /** A {@code debian/control} or {@code .dsc}. */
  public static final long CONTROL_BYTES = 4L << 20;

  /** A package list ({@code debian_pkg_dirs}) or patch {@code series}. */
  public static final long LIST_BYTES = 1L << 20;

  private InputLimits() {}

  /** The file's bytes, refused with a message naming it when it is larger than {@code max}. */
  public static byte[] read(Path file, long max, String what) {
    try {
      long size = Files.size(file);
      if (size > max) {
        throw new SourceLayoutException(
            file
                + ": "
                + size
                + " bytes; a "
                + what
                + " is expected to be at most "
                + max
                + " bytes, so it is not read");
      }
      byte[] bytes = Files.readAllBytes(file);
      if (bytes.length > max) { // grew since it was measured
        throw new SourceLayoutException(
            file + ": more than " + max + " bytes; a " + what + " is expected to be smaller");
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + what + " " + file, e);
    }
  }

  /** The file as UTF-8 text, with the same limit. */
  public static String readString(Path file, long max, String what) {
    return new String(read(file, max, what), StandardCharsets.UTF_8);
  }

  /** The file's lines, with the same limit. */
  public static List<String> readLines(Path file, long max, String what) {
    return readString(file, max, what).lines().toList();
  }
}
