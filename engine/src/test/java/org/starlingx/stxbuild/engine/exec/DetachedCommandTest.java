package org.starlingx.stxbuild.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetachedCommandTest {
  @TempDir Path work;

  @Test
  void theCommandRunsOnAfterItsStarterEndedAndLeavesLogAndExitCode() throws Exception {
    Path control = work.resolve("control");
    List<String> argv =
        new ArrayList<>(
            List.of(
                "sh", "-c", "echo \"first $1\"; sleep 1; echo second; exit 3", "x", "a b; $(no)"));
    long started = System.nanoTime();
    CommandRunner.run(
        work, DetachedCommand.launchArgv(argv), DetachedCommand.launchEnv(control.toString()));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    assertThat(control.resolve(DetachedCommand.EXIT_CODE)).doesNotExist();

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> Files.exists(control.resolve(DetachedCommand.EXIT_CODE)));
    assertThat(Files.readString(control.resolve(DetachedCommand.LOG)))
        .isEqualTo("first a b; $(no)\nsecond\n");
    assertThat(DetachedCommand.state(Files.readString(control.resolve("rc")), 0))
        .isEqualTo(new DetachedCommand.Ended(3));
  }

  @Test
  void aFollowerMadeAfterARestartContinuesTheLogWithoutRepeatingIt() throws Exception {
    Path control = work.resolve("control");
    Path flag = work.resolve("go-on");
    List<String> argv =
        List.of(
            "sh",
            "-c",
            "echo one; while [ ! -e \"$1\" ]; do sleep 0.1; done; echo two; exit 0",
            "x",
            flag.toString());
    CommandRunner.run(
        work, DetachedCommand.launchArgv(argv), DetachedCommand.launchEnv(control.toString()));

    java.io.ByteArrayOutputStream before = new java.io.ByteArrayOutputStream();
    DetachedCommandFollower first =
        new DetachedCommandFollower(DetachedCommandFollower.local(control), 0, System::nanoTime);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> first.poll(before) instanceof DetachedCommand.Running && before.size() > 0);
    assertThat(before.toString()).isEqualTo("one\n");

    // The controller restarts: a new follower, from the saved count; the command ran on.
    Files.createFile(flag);
    java.io.ByteArrayOutputStream after = new java.io.ByteArrayOutputStream();
    DetachedCommandFollower resumed =
        new DetachedCommandFollower(
            DetachedCommandFollower.local(control), first.copied(), System::nanoTime);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> resumed.poll(after) instanceof DetachedCommand.Ended);
    assertThat(after.toString()).isEqualTo("two\n");
    assertThat(resumed.poll(after)).isEqualTo(new DetachedCommand.Ended(0));
  }

  @Test
  void aCommandThatDiedWithoutAnExitCodeIsLostOnceItsSignOfLifeStops() throws Exception {
    Path control = Files.createDirectories(work.resolve("control"));
    Files.writeString(control.resolve(DetachedCommand.ALIVE), "7\n");
    long[] now = {0};
    DetachedCommandFollower follower =
        new DetachedCommandFollower(DetachedCommandFollower.local(control), 0, () -> now[0]);
    assertThat(follower.poll(java.io.OutputStream.nullOutputStream()))
        .isEqualTo(new DetachedCommand.Running());
    now[0] = Duration.ofMinutes(5).toNanos();
    assertThat(follower.poll(java.io.OutputStream.nullOutputStream()))
        .isInstanceOf(DetachedCommand.Lost.class);
  }

  @Test
  void statesFromWhatAWatcherRead() {
    assertThat(DetachedCommand.state(null, 0)).isEqualTo(new DetachedCommand.Running());
    assertThat(DetachedCommand.state(null, 30)).isEqualTo(new DetachedCommand.Running());
    assertThat(DetachedCommand.state(null, 600)).isInstanceOf(DetachedCommand.Lost.class);
    assertThat(DetachedCommand.state("0\n", 600)).isEqualTo(new DetachedCommand.Ended(0));
    assertThat(DetachedCommand.state("garbage", 0)).isInstanceOf(DetachedCommand.Lost.class);
  }
}
