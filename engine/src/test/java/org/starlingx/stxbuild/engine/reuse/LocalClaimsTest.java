package org.starlingx.stxbuild.engine.reuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.repo.local.LocalPackageRepository;

class LocalClaimsTest {
  @TempDir Path work;

  @Test
  void oneHolderAtATimeUntilReleaseOrTheLeaseEnds() {
    BuildClaims claims = new LocalPackageRepository(work, List.of("amd64"), null).buildClaims();
    assertThat(claims.claim("f1", "build-a", Duration.ofHours(1))).isTrue();
    assertThat(claims.claim("f1", "build-b", Duration.ofHours(1))).isFalse();
    assertThat(claims.claim("f1", "build-a", Duration.ofHours(1))).as("still a's").isTrue();
    claims.release("f1", "build-b");
    assertThat(claims.claim("f1", "build-b", Duration.ofHours(1)))
        .as("b cannot release a's")
        .isFalse();
    claims.release("f1", "build-a");
    assertThat(claims.claim("f1", "build-b", Duration.ofHours(1))).isTrue();

    assertThat(claims.claim("f2", "dead-build", Duration.ofSeconds(-1))).isTrue();
    assertThat(claims.claim("f2", "build-c", Duration.ofHours(1)))
        .as("an expired lease is taken over")
        .isTrue();
  }
}
