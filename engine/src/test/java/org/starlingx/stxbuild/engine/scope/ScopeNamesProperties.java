package org.starlingx.stxbuild.engine.scope;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Over random and hostile scopes: every name is valid, stable, and distinct for distinct scopes.
 */
class ScopeNamesProperties {
  private static final Path ROOT = Path.of("/srv/stx-workspaces");

  @Provide
  Arbitrary<String> hostileText() {
    Arbitrary<String> fixed =
        Arbitraries.of(
            "feature/ISO-123_rc",
            "r/stx.10.0",
            "..",
            "../../etc",
            ".",
            "-",
            "--",
            "$(rm -rf /)",
            "`id`",
            "a;b|c&d",
            "'\"",
            "*",
            "~root",
            "Ünïcödé-ブランチ",
            "用户",
            "a b",
            "A",
            "a",
            "master",
            "r/stx.10.0 ",
            "x".repeat(300),
            "MASTER");
    Arbitrary<String> random =
        Arbitraries.strings()
            .all()
            .ofMinLength(1)
            .ofMaxLength(300)
            .filter(s -> s.chars().noneMatch(Character::isISOControl) && !s.isBlank());
    Arbitrary<String> ascii =
        Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(80);
    return Arbitraries.oneOf(fixed, random, ascii);
  }

  @Provide
  Arbitrary<BuildScope> scopes() {
    return Combinators.combine(hostileText(), hostileText(), hostileText(), hostileText())
        .as(BuildScope::new);
  }

  @Provide
  Arbitrary<NamingPolicy> policies() {
    return Arbitraries.of(NamespaceStrategy.values())
        .map(s -> NamingPolicy.DEFAULT.withStrategy(s));
  }

  @Property(tries = 400)
  void everyNameIsAValidKubernetesName(
      @ForAll("scopes") BuildScope scope, @ForAll("policies") NamingPolicy policy) {
    ScopeNames names = new ScopeNames(scope, policy);
    for (String name :
        List.of(
            names.namespace(),
            names.objectName("pkgbuilder", "pkg-" + scope.branch()),
            names.line(),
            names.build())) {
      assertThat(name).hasSizeLessThanOrEqualTo(63).matches(KubeNames.DNS_LABEL);
    }
    for (Map.Entry<String, String> label : names.labels().entrySet()) {
      assertThat(label.getValue()).hasSizeLessThanOrEqualTo(63).matches(KubeNames.LABEL_VALUE);
    }
    names.repositorySession(); // validates repository names and label keys itself
  }

  @Property(tries = 400)
  void distinctScopesNeverShareANameOrAWorkspace(
      @ForAll("scopes") BuildScope a, @ForAll("scopes") BuildScope b) {
    Assume.that(!a.equals(b));
    ScopeNames na = new ScopeNames(a, NamingPolicy.DEFAULT);
    ScopeNames nb = new ScopeNames(b, NamingPolicy.DEFAULT);
    assertThat(na.objectName("builder", "main")).isNotEqualTo(nb.objectName("builder", "main"));
    assertThat(na.build()).isNotEqualTo(nb.build());
    assertThat(na.scopeId()).isNotEqualTo(nb.scopeId());
    assertThat(na.workspace(ROOT)).isNotEqualTo(nb.workspace(ROOT));
  }

  @Property(tries = 200)
  void theSameScopeAlwaysGetsTheSameNames(@ForAll("scopes") BuildScope scope) {
    BuildScope copy =
        new BuildScope(
            new String(scope.user()),
            new String(scope.project()),
            new String(scope.branch()),
            new String(scope.buildId()));
    ScopeNames a = new ScopeNames(scope, NamingPolicy.DEFAULT);
    ScopeNames b = new ScopeNames(copy, NamingPolicy.DEFAULT);
    assertThat(a.objectName("lat", "iso")).isEqualTo(b.objectName("lat", "iso"));
    assertThat(a.labels()).isEqualTo(b.labels());
    assertThat(a.workspace(ROOT)).isEqualTo(b.workspace(ROOT));
  }

  @Property(tries = 400)
  void aWorkspaceNeverLeavesItsRoot(@ForAll("scopes") BuildScope scope) {
    Path workspace = new ScopeNames(scope, NamingPolicy.DEFAULT).workspace(ROOT);
    assertThat(workspace.normalize()).isEqualTo(workspace);
    assertThat(workspace.startsWith(ROOT)).isTrue();
    assertThat(ROOT.relativize(workspace).getNameCount()).isEqualTo(4);
    for (Path segment : ROOT.relativize(workspace)) {
      assertThat(segment.toString()).matches(KubeNames.DNS_LABEL);
    }
  }
}
