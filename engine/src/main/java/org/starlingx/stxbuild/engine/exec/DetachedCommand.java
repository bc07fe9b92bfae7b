package org.starlingx.stxbuild.engine.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A command that outlives whoever started it, so a Jenkins controller restart does not end it: it
 * runs detached ({@code nohup}, its own session) and leaves everything a watcher needs in a control
 * directory: {@code log} (its output), {@code rc} (its exit code, written when it ends, renamed
 * into place so it is never read half-written) and {@code alive} (a counter a helper bumps every
 * few seconds while the command runs). A watcher that restarts reads on where it stopped.
 *
 * <p>The arguments pass as {@code "$@"}: no value is ever parsed as shell syntax. The scripts come
 * through the environment, fixed text of ours.
 */
public final class DetachedCommand {
  public static final String LOG = "log";
  public static final String EXIT_CODE = "rc";
  public static final String ALIVE = "alive";

  /** Seconds between two bumps of {@link #ALIVE}. */
  public static final int ALIVE_EVERY_SECONDS = 5;

  private static final String WRAPPER =
      """
      ( "$@" > "$STX_CONTROL/log" 2>&1; echo $? > "$STX_CONTROL/rc.tmp"; \
      mv "$STX_CONTROL/rc.tmp" "$STX_CONTROL/rc" ) &
      child=$!
      n=0
      while kill -0 "$child" 2>/dev/null; do
        n=$((n + 1)); echo "$n" > "$STX_CONTROL/alive"; sleep %d
      done
      """
          .formatted(ALIVE_EVERY_SECONDS);

  private static final String LAUNCHER =
      "mkdir -p \"$STX_CONTROL\" && nohup setsid sh -c \"$STX_DETACHED\" stx-detached \"$@\""
          + " </dev/null >/dev/null 2>&1 &";

  private DetachedCommand() {}

  /** The argument vector that starts {@code argv} detached and returns at once. */
  public static List<String> launchArgv(List<String> argv) {
    List<String> launch = new ArrayList<>(List.of("sh", "-c", LAUNCHER, "stx-detached"));
    launch.addAll(argv);
    return launch;
  }

  /** The name of the launcher script {@link #launchArgv(String, List)} runs. */
  public static final String LAUNCHER_FILE = "launch.sh";

  /**
   * The text of the launcher as a script file, for whoever cannot pass it as an argument: Jenkins'
   * local launcher replaces every {@code $NAME} of its environment in the arguments, so the
   * launcher's own {@code "$STX_CONTROL"} would arrive expanded and unquoted.
   */
  public static String launcherScript() {
    return LAUNCHER + "\n";
  }

  /** Starts {@code argv} detached through {@link #launcherScript()} saved at {@code script}. */
  public static List<String> launchArgv(String script, List<String> argv) {
    List<String> launch = new ArrayList<>(List.of("sh", script));
    launch.addAll(argv);
    return launch;
  }

  /** The environment {@link #launchArgv} needs, beside the command's own. */
  public static Map<String, String> launchEnv(String controlDir) {
    return Map.of("STX_CONTROL", controlDir, "STX_DETACHED", WRAPPER);
  }

  /** What a watcher concludes from the control directory. */
  public sealed interface State {}

  /** Still running (or just started). */
  public record Running() implements State {}

  /** Ended with this exit code. */
  public record Ended(int exitCode) implements State {}

  /** Gone without an exit code: killed, or its machine or container went away. */
  public record Lost(String reason) implements State {}

  /**
   * Tells a watcher where the command is, from what it read of the control directory.
   *
   * @param exitCode the content of {@link #EXIT_CODE}, null while absent
   * @param aliveUnchangedSeconds how long, by the watcher's own clock, {@link #ALIVE} has not
   *     changed (comparing contents, so the two machines' clocks need not agree)
   */
  public static State state(String exitCode, long aliveUnchangedSeconds) {
    if (exitCode != null) {
      try {
        return new Ended(Integer.parseInt(exitCode.strip()));
      } catch (NumberFormatException e) {
        return new Lost("its exit code file holds '" + exitCode.strip() + "'");
      }
    }
    if (aliveUnchangedSeconds > 12L * ALIVE_EVERY_SECONDS) {
      return new Lost(
          "it has shown no sign of life for " + aliveUnchangedSeconds + " s and left no exit code");
    }
    return new Running();
  }
}
