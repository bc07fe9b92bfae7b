package org.starlingx.stxbuild.engine.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScopeNamesTest {
  private static ScopeNames names(String user, String project, String branch, String build) {
    return new ScopeNames(new BuildScope(user, project, branch, build), NamingPolicy.DEFAULT);
  }

  @Test
  void aPersonSeesUserProjectAndBranchInTheNames() {
    ScopeNames names = names("alice", "starlingx", "feature/ISO-123_rc", "42");
    assertThat(names.objectName("pkgbuilder", "python-cephclient"))
        .startsWith("alice-starlingx-feature-is-42-pkgbuilder-python-cep-")
        .hasSizeLessThanOrEqualTo(63);
    assertThat(names.labels())
        .containsEntry("build.starlingx.io/branch", "feature-iso-123-rc")
        .containsEntry("build.starlingx.io/user", "alice");
    assertThat(names.annotations())
        .containsEntry("build.starlingx.io/branch", "feature/ISO-123_rc");
  }

  @Test
  void branchesThatSanitiseAlikeStayApart() {
    ScopeNames slash = names("bob", "stx", "r/stx.10.0", "1");
    ScopeNames dash = names("bob", "stx", "r-stx-10-0", "1");
    assertThat(slash.line()).startsWith("bob-stx-r-stx-10-0-");
    assertThat(slash.line()).isNotEqualTo(dash.line());
    assertThat(slash.labels().get("build.starlingx.io/branch"))
        .isEqualTo(dash.labels().get("build.starlingx.io/branch"));
    assertThat(slash.scopeId()).isNotEqualTo(dash.scopeId());
  }

  @Test
  void longUnicodeAndShellTextBecomesSafeNames() {
    ScopeNames names = names("Jürgen", "stx", "x".repeat(300), "$(reboot);`id`");
    assertThat(names.build()).matches(KubeNames.DNS_LABEL).hasSizeLessThanOrEqualTo(63);
    assertThat(names.build()).startsWith("jurgen-stx-");
    Path workspace = names.workspace(Path.of("/w"));
    assertThat(workspace.toString()).doesNotContain("$", "`", ";", "..");
  }

  @Test
  void namespaceStrategies() {
    BuildScope scope = new BuildScope("alice", "StarlingX Flock", "master", "7");
    assertThat(new ScopeNames(scope, NamingPolicy.DEFAULT).namespace()).isEqualTo("stx-builds");
    assertThat(
            new ScopeNames(scope, NamingPolicy.DEFAULT.withStrategy(NamespaceStrategy.PER_USER))
                .namespace())
        .startsWith("stx-alice-");
    assertThat(
            new ScopeNames(scope, NamingPolicy.DEFAULT.withStrategy(NamespaceStrategy.PER_PROJECT))
                .namespace())
        .startsWith("stx-starlingx-flock-");
    assertThat(NamespaceStrategy.parse("per-user")).isEqualTo(NamespaceStrategy.PER_USER);
    assertThatThrownBy(() -> NamespaceStrategy.parse("per-team"))
        .hasMessageContaining("'per-team'")
        .hasMessageContaining("shared, per-user, per-project");
  }

  @Test
  void emptyOrControlCharactersAreRefusedByField() {
    assertThatThrownBy(() -> new BuildScope("alice", "stx", " ", "1"))
        .hasMessageContaining("branch is empty");
    assertThatThrownBy(() -> new BuildScope("alice", "stx", "main\0", "1"))
        .hasMessageContaining("branch contains control character U+0000");
    assertThatThrownBy(() -> new BuildScope("alice", "stx", "b".repeat(2000), "1"))
        .hasMessageContaining("branch is 2000 characters long");
    assertThatThrownBy(() -> new NamingPolicy(NamespaceStrategy.SHARED, "Bad_NS", "stx-"))
        .hasMessageContaining("'Bad_NS'");
  }
}
