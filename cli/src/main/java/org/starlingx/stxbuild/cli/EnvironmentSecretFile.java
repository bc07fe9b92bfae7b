package org.starlingx.stxbuild.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A secret handed to the command in an environment variable (by the Jenkins plugin, from its
 * credentials), written to a file only this user can read for the tools that want a file, and
 * removed when the command ends. The content is never printed.
 */
final class EnvironmentSecretFile implements AutoCloseable {
  private final Path path;

  private EnvironmentSecretFile(Path path) {
    this.path = path;
  }

  /** The file of {@code variable}'s content; {@link #path()} is null when it is unset. */
  static EnvironmentSecretFile of(String variable) throws IOException {
    return holding(System.getenv(variable));
  }

  /** A file holding {@code content}; {@link #path()} is null when there is none. */
  static EnvironmentSecretFile holding(String content) throws IOException {
    if (content == null || content.isBlank()) {
      return new EnvironmentSecretFile(null);
    }
    Path file =
        Files.createTempFile(
            "stx-secret",
            ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, content);
    return new EnvironmentSecretFile(file);
  }

  Path path() {
    return path;
  }

  String content() throws IOException {
    return path == null ? null : Files.readString(path);
  }

  @Override
  public void close() throws IOException {
    if (path != null) {
      Files.deleteIfExists(path);
    }
  }
}
