package org.starlingx.stxbuild.engine.repo.pulp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.starlingx.stxbuild.engine.reuse.BuildClaims;
import org.starlingx.stxbuild.testenv.pulp.PulpEndpoint;
import org.starlingx.stxbuild.testenv.pulp.PulpServerExtension;

/**
 * Claims in the real Pulp: one holder at a time among racing builds; an aborted holder's release
 * lets the next take it; a holder that died without releasing is taken over when its lease ends.
 */
@ExtendWith(PulpServerExtension.class)
class PulpBuildClaimsIT {
  private final String fp = "it-claim-" + UUID.randomUUID().toString().substring(0, 12);

  @Test
  void exactlyOneOfRacingBuildsClaims(PulpEndpoint endpoint) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        String holder = "build-" + i;
        BuildClaims claims = PulpTestClients.connect(endpoint).deb().buildClaims();
        Callable<Boolean> claim = () -> claims.claim(fp, holder, Duration.ofHours(3));
        results.add(pool.submit(claim));
      }
      int won = 0;
      for (Future<Boolean> result : results) {
        won += result.get() ? 1 : 0;
      }
      assertThat(won).isEqualTo(1);
    } finally {
      pool.shutdownNow();
      for (int i = 0; i < 4; i++) {
        PulpTestClients.connect(endpoint).deb().buildClaims().release(fp, "build-" + i);
      }
    }
  }

  @Test
  void anAbortedOrDeadHolderIsTakenOver(PulpEndpoint endpoint) {
    BuildClaims claims = PulpTestClients.connect(endpoint).deb().buildClaims();
    try {
      assertThat(claims.claim(fp, "first", Duration.ofHours(3))).isTrue();
      assertThat(claims.claim(fp, "second", Duration.ofHours(3))).as("first holds it").isFalse();
      claims.release(fp, "second");
      assertThat(claims.claim(fp, "second", Duration.ofHours(3)))
          .as("second cannot release first's claim")
          .isFalse();
      // First aborted: PackageBuild releases in its finally block.
      claims.release(fp, "first");
      assertThat(claims.claim(fp, "second", Duration.ofHours(3))).isTrue();
      claims.release(fp, "second");

      // A holder whose pod was killed: its lease (here already over) ends without a release.
      assertThat(claims.claim(fp, "dead", Duration.ofSeconds(-1))).isTrue();
      assertThat(claims.claim(fp, "third", Duration.ofHours(3))).as("taken over").isTrue();
      assertThat(claims.claim(fp, "dead", Duration.ofHours(3)))
          .as("the dead holder's lease is gone")
          .isFalse();
    } finally {
      claims.release(fp, "third");
      claims.release(fp, "dead");
    }
  }
}
