package org.starlingx.stxbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An unknown word is wrong usage even when {@code --help} comes with it. */
class UnknownCommandTest {
  @Test
  void anUnknownCommandWithHelpExitsTwoAndNamesIt() {
    CliRun run = CliRun.of("nosuch", "--help");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("Unknown command: 'nosuch'");
    assertThat(run.out()).doesNotContain("Usage:");
  }

  @Test
  void anUnknownWordAfterASubcommandWithHelpExitsTwo() {
    CliRun run = CliRun.of("build", "extra", "--help");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("'extra'");
  }

  @Test
  void helpAloneStillWorks() {
    assertThat(CliRun.of("--help").exit()).isZero();
    assertThat(CliRun.of("build", "--help").exit()).isZero();
  }
}
