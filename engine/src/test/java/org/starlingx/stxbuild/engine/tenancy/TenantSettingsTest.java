package org.starlingx.stxbuild.engine.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.starlingx.stxbuild.engine.scope.NamespaceStrategy;

class TenantSettingsTest {
  static final String YAML =
      """
      strategy: per-user
      namespacePrefix: stx-
      buildServiceAccount: {name: stx-build, namespace: stx}
      buildClusterRole: stx-starlingx-build-tenant-builds
      defaults:
        quota: {requests.cpu: "32", pods: "40"}
        limitDefaultRequest: {cpu: "1", memory: 2Gi}
        weight: 1
      overrides:
        users:
          alice: {quota: {requests.cpu: "64"}, weight: 3}
        projects:
          alice: {quota: {requests.cpu: "1"}}
      fairShare: {capacity: 20}
      """;

  @Test
  void overridesReplaceTheDefaultsKeyByKeyForTheNamedTenantOnly() {
    TenantSettings settings = TenantSettings.parse(YAML, "tenants.yaml");
    assertThat(settings.policy().strategy()).isEqualTo(NamespaceStrategy.PER_USER);
    TenantTerms alice = settings.terms(settings.tenant("alice"));
    assertThat(alice.quota()).containsEntry("requests.cpu", "64").containsEntry("pods", "40");
    assertThat(alice.weight()).isEqualTo(3);
    TenantTerms bob = settings.terms(settings.tenant("bob"));
    assertThat(bob.quota()).containsEntry("requests.cpu", "32");
    assertThat(bob.limitDefaultRequest()).containsEntry("memory", "2Gi");
    assertThat(bob.weight()).isEqualTo(1);
    assertThat(settings.capacity()).isEqualTo(20);
    assertThat(settings.coordinationNamespace()).isEqualTo("stx");
  }

  @Test
  void mistakesNameTheFileAndTheSetting() {
    assertThatThrownBy(() -> TenantSettings.parse(YAML.replace("weight: 3", "wieght: 3"), "t.yaml"))
        .hasMessage(
            "t.yaml: unknown setting overrides.users.alice.wieght; expected one of limitDefault,"
                + " limitDefaultRequest, limitMax, quota, weight");
    assertThatThrownBy(
            () ->
                TenantSettings.parse(
                    YAML.replace("strategy: per-user", "strategy: shared"), "t.yaml"))
        .hasMessageContaining("t.yaml: namespace strategy 'shared' has no tenants");
    assertThatThrownBy(
            () ->
                TenantSettings.parse(
                    YAML.replace("buildClusterRole: stx-starlingx-build-tenant-builds", ""),
                    "t.yaml"))
        .hasMessage("t.yaml: buildClusterRole is missing");
    assertThatThrownBy(() -> TenantSettings.parse("a: [", "t.yaml"))
        .hasMessageStartingWith("t.yaml is not valid YAML");
  }
}
