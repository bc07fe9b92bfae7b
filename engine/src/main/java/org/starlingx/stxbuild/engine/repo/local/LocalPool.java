package org.starlingx.stxbuild.engine.repo.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.starlingx.stxbuild.engine.deb.DebControlFile;
import org.starlingx.stxbuild.engine.repo.FileDigests;

/**
 * The local repository's file store: {@code pool/<sha256 prefix>/<sha256>/<file name>}. A file is
 * stored once whatever name or session brings it, and never overwritten.
 */
final class LocalPool {
  private final Path root;

  LocalPool(Path root) {
    this.root = root;
  }

  /** Where a file with this sha256 and name is kept. */
  Path path(String sha256, String fileName) {
    return root.resolve("pool").resolve(sha256.substring(0, 2)).resolve(sha256).resolve(fileName);
  }

  /** What storing a file did. */
  record Stored(LocalPackage pkg, boolean newlyStored, long size) {}

  /** Stores a {@code .deb} unless a file with the same sha256 is already there. */
  Stored store(Path deb) {
    FileDigests digests = FileDigests.of(deb);
    String fileName = deb.getFileName().toString();
    String relative =
        "pool/" + digests.sha256().substring(0, 2) + "/" + digests.sha256() + "/" + fileName;
    Path target = root.resolve(relative);
    Path controlFile = target.resolveSibling("control");
    boolean newlyStored = false;
    try {
      if (!Files.exists(target)) {
        Files.createDirectories(target.getParent());
        String control = DebControlFile.read(deb).strip() + "\n";
        writeOnce(controlFile, control.getBytes(StandardCharsets.UTF_8));
        newlyStored = writeOnce(target, Files.readAllBytes(deb));
      }
      String control = Files.readString(controlFile);
      Map<String, String> fields = ControlFields.parse(control, relative);
      String index =
          "Filename: "
              + relative
              + "\nSize: "
              + digests.size()
              + "\nMD5sum: "
              + digests.md5()
              + "\nSHA1: "
              + digests.sha1()
              + "\nSHA256: "
              + digests.sha256()
              + "\n";
      LocalPackage pkg =
          new LocalPackage(
              ControlFields.required(fields, "Package", relative),
              ControlFields.required(fields, "Version", relative),
              ControlFields.required(fields, "Architecture", relative),
              relative,
              digests.sha256(),
              control,
              index);
      return new Stored(pkg, newlyStored, digests.size());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store " + deb + " in " + root, e);
    }
  }

  /**
   * Writes a new file whole, never over an existing one: a hard link fails when the name exists (a
   * rename would silently replace it). Returns false when another writer got there first.
   */
  private static boolean writeOnce(Path target, byte[] bytes) throws IOException {
    Path partial = Files.createTempFile(target.getParent(), ".store-", ".part");
    try {
      Files.write(partial, bytes);
      Files.createLink(target, partial);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } finally {
      Files.deleteIfExists(partial);
    }
  }
}
