package org.starlingx.stxbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.tenancy.Tenant;
import org.starlingx.stxbuild.engine.tenancy.TenantSettings;
import org.starlingx.stxbuild.engine.tenancy.TenantStatus;

class TenantsCommandTest {
  private static final String SETTINGS =
      """
      strategy: per-user
      namespacePrefix: stx-
      buildServiceAccount: {name: stx-build, namespace: stx}
      buildClusterRole: stx-starlingx-build-tenant-builds
      defaults:
        quota: {requests.cpu: "32", pods: "40"}
      overrides:
        users:
          alice: {quota: {requests.cpu: "64"}, weight: 2}
      """;

  @Test
  void theListShowsReadableNamesNamespacesAndUsage() {
    Tenant alice = new Tenant(Tenant.Kind.USER, "alice");
    String table =
        TenantsCommand.TenantTable.list(
            List.of(
                new TenantStatus(
                    alice,
                    "stx-alice-1234567890",
                    Map.of("pods", "40", "requests.cpu", "64"),
                    Map.of("pods", "3", "requests.cpu", "6"),
                    false)));
    assertThat(table.lines())
        .containsExactly(
            "KIND  NAME   NAMESPACE             PODS  CPU REQUESTS  MEMORY REQUESTS",
            "user  alice  stx-alice-1234567890  3/40  6/64          -");
  }

  @Test
  void showGivesTheTermsOfANamedTenantEvenBeforeItExists() {
    TenantSettings settings = TenantSettings.parse(SETTINGS, "tenants.yaml");
    Tenant alice = settings.tenant("alice");
    String shown =
        TenantsCommand.TenantTable.show(alice, settings.terms(alice), Optional.empty(), settings);
    assertThat(shown)
        .contains("user alice")
        .contains("namespace: " + alice.namespace(settings.policy()) + " (not provisioned)")
        .contains("weight: 2")
        .contains("requests.cpu: - / 64");
  }

  @Test
  void aBadSettingsFileIsNamedWithTheMistake(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("tenants.yaml");
    Files.writeString(file, SETTINGS.replace("weight: 2", "weigth: 2"));
    CliRun run =
        CliRun.of(
            "tenants", "list", "--settings", file.toString(), "--kubeconfig", file.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("unknown setting overrides.users.alice.weigth");
    assertThat(CliRun.of("tenants", "list").exit()).isEqualTo(2);
  }
}
