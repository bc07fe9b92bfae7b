package org.starlingx.stxbuild.engine.repo.pulp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.starlingx.stxbuild.engine.files.ExclusiveLock;
import org.starlingx.stxbuild.testenv.pulp.PulpEndpoint;
import org.starlingx.stxbuild.testenv.pulp.PulpServerExtension;

/**
 * One build per line on the real Pulp: the second refused naming the first, dead ones taken over.
 */
@ExtendWith(PulpServerExtension.class)
class PulpLineLockIT {
  private final String line = "i19-lock-" + System.nanoTime();
  private PulpClient pulp;

  @AfterEach
  void removeLeftovers() {
    if (pulp != null) {
      pulp.files()
          .repositories()
          .find(PulpLineLock.repositoryName(line))
          .ifPresent(r -> pulp.delete(r.href()));
    }
  }

  @Test
  void aSecondBuildOfTheLineIsRefusedNamingTheFirst(PulpEndpoint endpoint) {
    pulp = PulpTestClients.connect(endpoint);
    PulpPackageRepository repository = new PulpPackageRepository(pulp, null);
    try (PulpLineLock first = PulpLineLock.acquire(pulp, line)) {
      assertThat(first.takenOver()).isEmpty();
      assertThatThrownBy(() -> repository.lockLine(line))
          .isInstanceOf(ExclusiveLock.HeldException.class)
          .hasMessageContaining("branch line " + line + " in Pulp is in use by another build")
          .hasMessageContaining("pid " + ProcessHandle.current().pid() + " on ");
    }
    try (PulpLineLock again = PulpLineLock.acquire(pulp, line)) {
      assertThat(again.takenOver()).isEmpty();
    }
  }

  @Test
  void theLockOfADeadHolderIsTakenOver(PulpEndpoint endpoint) throws Exception {
    pulp = PulpTestClients.connect(endpoint);
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Map<String, String> labels = PulpLineLock.holderLabels(line);
    labels.put("stx.holder.pid", Long.toString(gone.pid()));
    pulp.files().repositories().create(PulpLineLock.repositoryName(line), labels);

    try (PulpLineLock taken = PulpLineLock.acquire(pulp, line)) {
      assertThat(taken.takenOver()).hasValueSatisfying(h -> h.contains("pid " + gone.pid()));
    }
  }

  @Test
  void aLockWithoutHeartbeatFromAnotherHostIsTakenOver(PulpEndpoint endpoint) {
    pulp = PulpTestClients.connect(endpoint);
    Map<String, String> labels = PulpLineLock.holderLabels(line);
    labels.put("stx.holder.host", "a-builder-that-crashed");
    labels.put("stx.heartbeat", "1");
    pulp.files().repositories().create(PulpLineLock.repositoryName(line), labels);

    try (PulpLineLock taken = PulpLineLock.acquire(pulp, line)) {
      assertThat(taken.takenOver()).hasValueSatisfying(h -> h.contains("a-builder-that-crashed"));
    }
  }
}
