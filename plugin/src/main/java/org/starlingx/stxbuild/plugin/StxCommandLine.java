package org.starlingx.stxbuild.plugin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code stx-build} command a step runs inside the build's pod: argv only (no shell), and the
 * environment that carries secrets, which therefore never appear in the build log's command line.
 *
 * @param argv the command and its arguments
 * @param env extra environment variables, secrets among them
 */
record StxCommandLine(List<String> argv, Map<String, String> env) {
  /** The environment variable the CLI reads the Pulp password from. */
  static final String PULP_PASSWORD = "STX_PULP_PASSWORD";

  StxCommandLine {
    argv = List.copyOf(argv);
    env = Map.copyOf(env);
  }

  /** {@code stx-build <command> <args>} with the service settings of the global configuration. */
  static StxCommandLine of(
      String command, List<String> args, String pulpUrl, String pulpUser, String pulpPassword) {
    List<String> argv = new ArrayList<>(List.of("stx-build", command));
    argv.addAll(args);
    Map<String, String> env = new LinkedHashMap<>();
    if (pulpUrl != null && !pulpUrl.isBlank() && takesRepositoryOptions(command)) {
      argv.addAll(List.of("--pulp-url", pulpUrl, "--pulp-user", pulpUser));
      env.put(PULP_PASSWORD, pulpPassword);
    }
    return new StxCommandLine(argv, env);
  }

  /**
   * The same command reading what Pulp publishes at {@code contentUrl}, Pulp's content app as the
   * build's pod reaches it (when the command talks to Pulp and a URL is configured).
   */
  StxCommandLine withPulpContentUrl(String contentUrl) {
    if (contentUrl == null || contentUrl.isBlank() || !argv.contains("--pulp-url")) {
      return this;
    }
    List<String> more = new ArrayList<>(argv);
    more.addAll(List.of("--pulp-content-url", contentUrl.strip()));
    return new StxCommandLine(more, env);
  }

  /** The same command with more environment (a registry login for the CLI to read). */
  StxCommandLine withEnv(Map<String, String> more) {
    Map<String, String> merged = new LinkedHashMap<>(env);
    merged.putAll(more);
    return new StxCommandLine(argv, merged);
  }

  /** Scope options from the environment {@code stxBuild} (or the build wrapper) exposes. */
  static List<String> scopeArguments(Map<String, String> environment) {
    List<String> args = new ArrayList<>();
    add(args, "--user", environment.get(StxEnvironment.USER));
    add(args, "--project", environment.get(StxEnvironment.PROJECT));
    add(args, "--branch", environment.get(StxEnvironment.BRANCH));
    add(args, "--build-id", environment.get(StxEnvironment.BUILD_ID));
    return args;
  }

  /** The items of a list field as users type it: separated by commas or white space. */
  static List<String> words(String list) {
    if (list == null || list.isBlank()) {
      return List.of();
    }
    return List.of(list.strip().split("[,\\s]+"));
  }

  private static boolean takesRepositoryOptions(String command) {
    return List.of(
            "download", "build", "publish", "logs", "retention", "helm-charts", "images", "wheels")
        .contains(command);
  }

  private static void add(List<String> args, String option, String value) {
    if (value != null && !value.isBlank()) {
      args.add(option);
      args.add(value);
    }
  }
}
