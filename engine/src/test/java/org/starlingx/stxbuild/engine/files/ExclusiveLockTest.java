package org.starlingx.stxbuild.engine.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One holder at a time, the second refused at once naming the first; dead holders taken over. */
class ExclusiveLockTest {
  @TempDir Path dir;

  /** Holds the lock given as argument until killed (run in a child JVM). */
  public static final class Holder {
    public static void main(String[] args) throws Exception {
      ExclusiveLock.acquire(Path.of(args[0]), "test resource");
      System.out.println("held");
      System.out.flush();
      Thread.sleep(600_000);
    }
  }

  @Test
  void aSecondHolderInThisProcessIsRefused() {
    Path file = dir.resolve("work/.stx-build.lock");
    try (ExclusiveLock first = ExclusiveLock.acquire(file, "work directory /w")) {
      assertThatThrownBy(() -> ExclusiveLock.acquire(file, "work directory /w"))
          .isInstanceOf(ExclusiveLock.HeldException.class)
          .hasMessageContaining("work directory /w is in use by another build")
          .hasMessageContaining("pid " + ProcessHandle.current().pid());
    }
    try (ExclusiveLock again = ExclusiveLock.acquire(file, "work directory /w")) {
      assertThat(again.takenOver()).as("a clean release leaves no stale holder").isEmpty();
    }
  }

  @Test
  void anotherProcessIsRefusedAtOnceAndItsLockIsTakenOverWhenItDies() throws Exception {
    Path file = dir.resolve("lock");
    Process child =
        new ProcessBuilder(
                List.of(
                    ProcessHandle.current().info().command().orElse("java"),
                    "-cp",
                    System.getProperty("java.class.path"),
                    Holder.class.getName(),
                    file.toString()))
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("held");
      long t0 = System.nanoTime();
      assertThatThrownBy(() -> ExclusiveLock.acquire(file, "test resource"))
          .isInstanceOf(ExclusiveLock.HeldException.class)
          .hasMessageContaining("pid " + child.pid() + " on ")
          .hasMessageContaining(" since ");
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(5_000);
    } finally {
      child.destroyForcibly(); // SIGKILL: the holder cannot clean up
      child.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(Files.readString(file)).contains("pid " + child.pid());
    try (ExclusiveLock taken = ExclusiveLock.acquire(file, "test resource")) {
      assertThat(taken.takenOver()).hasValueSatisfying(h -> h.contains("pid " + child.pid()));
    }
  }
}
