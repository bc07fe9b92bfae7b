package org.starlingx.stxbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

class EnvironmentSecretFileTest {
  @Test
  void theSecretIsAFileOnlyItsUserReadsAndIsGoneAfterwards() throws Exception {
    Path file;
    try (EnvironmentSecretFile secret = EnvironmentSecretFile.holding("-----KEY-----\nabc\n")) {
      file = secret.path();
      assertThat(file).hasContent("-----KEY-----\nabc");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
      assertThat(secret.content()).isEqualTo("-----KEY-----\nabc\n");
    }
    assertThat(file).doesNotExist();
    try (EnvironmentSecretFile none = EnvironmentSecretFile.holding(null)) {
      assertThat(none.path()).isNull();
    }
  }
}
