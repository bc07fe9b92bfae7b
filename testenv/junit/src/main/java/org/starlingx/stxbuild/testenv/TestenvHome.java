package org.starlingx.stxbuild.testenv;

import java.nio.file.Path;

/** Where testenv/ scripts keep their state: {@code $STX_TESTENV_HOME}, or the default below. */
public final class TestenvHome {
  private TestenvHome() {}

  /** {@code $STX_TESTENV_HOME}, defaulting to {@code ~/.cache/starlingx-build/testenv}. */
  public static Path path() {
    String configured = System.getenv("STX_TESTENV_HOME");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "starlingx-build", "testenv");
  }
}
