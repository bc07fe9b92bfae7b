package org.starlingx.stxbuild.engine.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.starlingx.stxbuild.engine.scope.BuildScope;
import org.starlingx.stxbuild.engine.scope.KubeNames;
import org.starlingx.stxbuild.engine.scope.NamespaceStrategy;
import org.starlingx.stxbuild.engine.scope.NamingPolicy;
import org.starlingx.stxbuild.engine.scope.ScopeNames;

class TenantTest {
  private static final BuildScope SCOPE =
      new BuildScope("Jürgen.O'Brien", "StarlingX/main", "feature/ISO-123_rc", "42");

  @Test
  void theTenantsNamespaceIsTheOneItsBuildsUse() {
    for (NamespaceStrategy strategy :
        new NamespaceStrategy[] {NamespaceStrategy.PER_USER, NamespaceStrategy.PER_PROJECT}) {
      NamingPolicy policy = new NamingPolicy(strategy, "stx-builds", "stx-");
      assertThat(Tenant.of(SCOPE, policy).namespace(policy))
          .isEqualTo(new ScopeNames(SCOPE, policy).namespace());
    }
  }

  @Test
  void labelsAreValidAndTheAnnotationsKeepTheExactName() {
    Tenant tenant = new Tenant(Tenant.Kind.USER, "Jürgen.O'Brien");
    tenant.labels().values().forEach(v -> assertThat(v).matches(KubeNames.LABEL_VALUE));
    assertThat(tenant.labels()).containsEntry(Tenant.TENANT_LABEL, tenant.id());
    assertThat(tenant.annotations()).containsEntry("build.starlingx.io/user", "Jürgen.O'Brien");
    assertThat(tenant.id()).isNotEqualTo(new Tenant(Tenant.Kind.PROJECT, "Jürgen.O'Brien").id());
  }

  @Test
  void theSharedStrategyHasNoTenants() {
    assertThatThrownBy(() -> Tenant.of(SCOPE, NamingPolicy.DEFAULT))
        .hasMessageContaining("'shared' has no tenants");
    assertThatThrownBy(() -> new Tenant(Tenant.Kind.USER, ""))
        .hasMessageContaining("expected some text");
  }
}
