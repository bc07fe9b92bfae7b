package org.starlingx.stxbuild.engine.backup;

/** A file an apt index lists: its path relative to the repository root, size and sha256. */
public record IndexedFile(String path, long size, String sha256) {
  public IndexedFile {
    if (path.startsWith("/") || path.contains("..")) {
      throw new IllegalArgumentException(
          "index entry '" + path + "' must be a relative path inside the repository");
    }
  }
}
