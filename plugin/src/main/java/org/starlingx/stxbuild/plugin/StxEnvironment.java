package org.starlingx.stxbuild.plugin;

import java.util.LinkedHashMap;
import java.util.Map;
import org.starlingx.stxbuild.engine.scope.ScopeNames;

/** The environment variables a build's steps see: its scope and the names derived from it. */
final class StxEnvironment {
  static final String USER = "STX_BUILD_USER";
  static final String PROJECT = "STX_BUILD_PROJECT";
  static final String BRANCH = "STX_BUILD_BRANCH";
  static final String BUILD_ID = "STX_BUILD_ID";
  static final String LINE = "STX_BUILD_LINE";
  static final String SESSION = "STX_BUILD_SESSION";
  static final String NAMESPACE = "STX_BUILD_NAMESPACE";
  static final String PULP_URL = "STX_PULP_URL";

  private StxEnvironment() {}

  static Map<String, String> of(ScopeNames names, String pulpUrl) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(USER, names.scope().user());
    env.put(PROJECT, names.scope().project());
    env.put(BRANCH, names.scope().branch());
    env.put(BUILD_ID, names.scope().buildId());
    env.put(LINE, names.line());
    env.put(SESSION, names.build());
    env.put(NAMESPACE, names.namespace());
    if (pulpUrl != null && !pulpUrl.isBlank()) {
      env.put(PULP_URL, pulpUrl);
    }
    return env;
  }
}
