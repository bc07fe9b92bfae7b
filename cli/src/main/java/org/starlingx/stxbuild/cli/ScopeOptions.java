package org.starlingx.stxbuild.cli;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.starlingx.stxbuild.engine.scope.BuildScope;
import org.starlingx.stxbuild.engine.scope.NamespaceStrategy;
import org.starlingx.stxbuild.engine.scope.NamingPolicy;
import org.starlingx.stxbuild.engine.scope.ScopeNames;
import picocli.CommandLine.Option;

/** Whose build of which project and branch: every name of the build comes from it. */
final class ScopeOptions {
  @Option(names = "--user", description = "Who builds (default: the login name).")
  String user = System.getProperty("user.name", "local");

  @Option(
      names = "--project",
      defaultValue = "starlingx",
      description = "Project (default: ${DEFAULT-VALUE}).")
  String project;

  @Option(
      names = "--branch",
      defaultValue = "master",
      description = "Branch (default: ${DEFAULT-VALUE}).")
  String branch;

  @Option(names = "--build-id", description = "This build's id (default: the current time).")
  String buildId;

  @Option(
      names = "--namespace-strategy",
      defaultValue = "shared",
      description =
          "Where the build's pods go: shared (one namespace), per-user or per-project"
              + " (default: ${DEFAULT-VALUE}).")
  String namespaceStrategy;

  @Option(
      names = "--namespace",
      defaultValue = "stx-builds",
      description = "The shared namespace (default: ${DEFAULT-VALUE}).")
  String namespace;

  ScopeNames names() {
    String id =
        buildId != null
            ? buildId
            : DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.now());
    NamingPolicy policy =
        new NamingPolicy(
            NamespaceStrategy.parse(namespaceStrategy),
            namespace,
            NamingPolicy.DEFAULT.namespacePrefix());
    return new ScopeNames(new BuildScope(user, project, branch, id), policy);
  }
}
