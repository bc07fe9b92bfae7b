package org.starlingx.stxbuild.engine.exec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole environment a package build runs with, written out rather than inherited: a fixed
 * {@code PATH}, a C.UTF-8 locale, a private {@code HOME} and {@code TMPDIR}, and the build's own
 * variables. Nothing of the caller's environment reaches {@code debian/rules}: no secret (such as
 * {@code STX_PULP_PASSWORD}, which ended up in build logs), no caller {@code PATH} (which could put
 * other tools first). Used by the local worker, the pods' build command and chroot workers alike.
 */
public final class BuildEnvironment {
  /** The search path of a Debian build: the system's own directories only. */
  public static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  /** Names a build may not set: they would bring the caller's environment back in. */
  private static final Set<String> FIXED = Set.of("PATH", "HOME", "TMPDIR", "LANG", "LC_ALL");

  private BuildEnvironment() {}

  /**
   * The environment for a build in {@code home} (its private home and temporary directory) with the
   * build's {@code variables} (for example {@code DEB_BUILD_OPTIONS}).
   */
  public static Map<String, String> of(String home, Map<String, String> variables) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", PATH);
    env.put("HOME", home);
    env.put("TMPDIR", home);
    env.put("LANG", "C.UTF-8");
    env.put("LC_ALL", "C.UTF-8");
    variables.forEach(
        (name, value) -> {
          if (FIXED.contains(name)) {
            throw new IllegalArgumentException(
                name + " is set by the build environment itself; it cannot be overridden");
          }
          env.put(name, value);
        });
    return env;
  }

  /** Gives {@code builder} exactly {@code env}: the inherited environment is dropped first. */
  public static ProcessBuilder apply(ProcessBuilder builder, Map<String, String> env) {
    builder.environment().clear();
    builder.environment().putAll(env);
    return builder;
  }

  /**
   * {@code argv} run with exactly {@code env} through {@code env -i}, for commands started by
   * something this process does not control (a pod's shell, a chroot's runner).
   */
  public static List<String> command(Map<String, String> env, List<String> argv) {
    List<String> command = new ArrayList<>(List.of("/usr/bin/env", "-i"));
    env.forEach((name, value) -> command.add(name + "=" + value));
    command.addAll(argv);
    return command;
  }
}
