package org.starlingx.stxbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionCommandTest {

  @Test
  void dryRunOnAnEmptyRepositoryReportsNothingAndExitsZero(@TempDir Path repo) {
    CliRun run = CliRun.of("retention", "--repo", repo.toString(), "--dry-run");
    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .contains("Retention of 14 days", "would remove 0 item(s)", "nothing was changed");
  }

  @Test
  void aBadPeriodIsAFailureWithAClearMessage(@TempDir Path repo) {
    CliRun run = CliRun.of("retention", "--repo", repo.toString(), "--days", "0");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("retention days '0'").doesNotContain("Exception");
  }

  @Test
  void pulpWithoutAPasswordSaysHowToGiveOne() {
    CliRun run = CliRun.of("retention", "--pulp-url", "http://127.0.0.1:1", "--dry-run");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("--pulp-password-file", "STX_PULP_PASSWORD");
  }
}
