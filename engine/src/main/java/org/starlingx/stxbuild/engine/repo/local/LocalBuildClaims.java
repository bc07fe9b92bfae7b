package org.starlingx.stxbuild.engine.repo.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import org.starlingx.stxbuild.engine.reuse.BuildClaims;

/**
 * Claims of builds on one machine: {@code claims/<fingerprint>} created exclusively, holding the
 * holder and the lease's end.
 */
final class LocalBuildClaims implements BuildClaims {
  private final Path root;

  LocalBuildClaims(Path root) {
    this.root = root;
  }

  @Override
  public synchronized boolean claim(String fingerprint, String holder, Duration lease) {
    Path file = root.resolve(fingerprint);
    String content = holder + "\n" + Instant.now().plus(lease).getEpochSecond() + "\n";
    try {
      Files.createDirectories(root);
      for (int attempt = 0; attempt < 2; attempt++) {
        try {
          Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
          return true;
        } catch (FileAlreadyExistsException held) {
          String[] lines = read(file);
          if (lines.length < 2) {
            continue;
          }
          if (lines[0].equals(holder)) {
            return true;
          }
          if (Instant.now().getEpochSecond() < Long.parseLong(lines[1].strip())) {
            return false;
          }
          // The holder's lease ended without a release: take it over.
          Files.deleteIfExists(file);
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot claim " + file, e);
    }
  }

  @Override
  public synchronized void release(String fingerprint, String holder) {
    Path file = root.resolve(fingerprint);
    try {
      String[] lines = read(file);
      if (lines.length > 0 && lines[0].equals(holder)) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release " + file, e);
    }
  }

  private static String[] read(Path file) throws IOException {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).split("\n");
    } catch (NoSuchFileException e) {
      return new String[0];
    }
  }
}
