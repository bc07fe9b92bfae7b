package org.starlingx.stxbuild.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandRunnerTest {

  @Test
  void argumentsReachTheProgramLiterallyNeverThroughAShell(@TempDir Path dir) {
    String hostile = "$(touch pwned); `touch pwned2` && echo ; rm -rf ..";
    String output = CommandRunner.run(dir, List.of("printf", "%s", hostile)).output();
    assertThat(output).isEqualTo(hostile);
    assertThat(dir.resolve("pwned")).doesNotExist();
    assertThat(dir.resolve("pwned2")).doesNotExist();
  }

  @Test
  void aFailingCommandReportsItsExitCodeAndOutput(@TempDir Path dir) {
    assertThatThrownBy(() -> CommandRunner.run(dir, List.of("sh", "-c", "echo broken >&2; exit 3")))
        .isInstanceOf(CommandFailedException.class)
        .hasMessageContaining("exit 3")
        .hasMessageContaining("broken")
        .satisfies(e -> assertThat(((CommandFailedException) e).exitCode()).isEqualTo(3));
  }

  @Test
  void aMissingProgramIsNamed(@TempDir Path dir) {
    assertThatThrownBy(() -> CommandRunner.run(dir, List.of("no-such-program-stx")))
        .hasMessageContaining("no-such-program-stx")
        .hasMessageContaining("could not start");
  }
}
