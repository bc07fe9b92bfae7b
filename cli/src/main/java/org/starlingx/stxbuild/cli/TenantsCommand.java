package org.starlingx.stxbuild.cli;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.starlingx.stxbuild.engine.tenancy.Tenant;
import org.starlingx.stxbuild.engine.tenancy.TenantCatalog;
import org.starlingx.stxbuild.engine.tenancy.TenantProvisioner;
import org.starlingx.stxbuild.engine.tenancy.TenantSettings;
import org.starlingx.stxbuild.engine.tenancy.TenantStatus;
import org.starlingx.stxbuild.engine.tenancy.TenantTerms;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stx-build tenants list|show|provision|remove}: the users' (or projects') namespaces on the
 * build cluster with their quotas and usage; run as the chart's tenant provisioner.
 */
@Command(
    name = "tenants",
    mixinStandardHelpOptions = true,
    description =
        "Lists, shows, provisions and removes tenants: a user's (or project's) build namespace"
            + " with its service account, RoleBinding, ResourceQuota and LimitRange.",
    subcommands = {
      TenantsCommand.ListTenants.class,
      TenantsCommand.ShowTenant.class,
      TenantsCommand.ProvisionTenant.class,
      TenantsCommand.RemoveTenant.class
    })
final class TenantsCommand implements Runnable {
  @Override
  public void run() {
    throw new IllegalArgumentException("expected a command: list, show, provision or remove");
  }

  /** Where the cluster and the tenant settings come from. */
  static final class ClusterOptions {
    @Option(
        names = "--kubeconfig",
        description =
            "Kubeconfig of the tenant provisioner (default: $KUBECONFIG, ~/.kube/config or the"
                + " pod's service account).")
    Path kubeconfig;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
      @Option(
          names = "--settings",
          paramLabel = "FILE",
          description = "The tenants.yaml (the chart's <release>-starlingx-build-tenants).")
      Path file;

      @Option(
          names = "--settings-configmap",
          paramLabel = "NAMESPACE/NAME",
          description =
              "Read tenants.yaml from this ConfigMap, e.g. stx/stx-starlingx-build-tenants.")
      String configMap;
    }

    KubernetesClient client() {
      return org.starlingx.stxbuild.cli.ClusterOptions.client(kubeconfig, "--kubeconfig");
    }

    TenantSettings settings(KubernetesClient client) {
      if (source.file != null) {
        try {
          return TenantSettings.parse(Files.readString(source.file), source.file.toString());
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + source.file, e);
        }
      }
      String[] parts = source.configMap.split("/", 2);
      if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
        throw new IllegalArgumentException(
            "--settings-configmap '" + source.configMap + "' is not NAMESPACE/NAME");
      }
      ConfigMap map = client.configMaps().inNamespace(parts[0]).withName(parts[1]).get();
      String yaml = map == null || map.getData() == null ? null : map.getData().get("tenants.yaml");
      if (yaml == null) {
        throw new IllegalArgumentException(
            "ConfigMap " + source.configMap + " does not exist or has no tenants.yaml");
      }
      return TenantSettings.parse(yaml, "ConfigMap " + source.configMap + " tenants.yaml");
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the tenants.")
  static final class ListTenants implements Callable<Integer> {
    @Mixin ClusterOptions cluster;

    @Override
    public Integer call() {
      try (KubernetesClient client = cluster.client()) {
        cluster.settings(client);
        System.out.print(TenantTable.list(new TenantCatalog(client).list()));
      }
      return 0;
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Shows one tenant's namespace, terms, quota and usage.")
  static final class ShowTenant implements Callable<Integer> {
    @Mixin ClusterOptions cluster;

    @Parameters(paramLabel = "NAME", description = "The user's or project's name.")
    String name;

    @Override
    public Integer call() {
      try (KubernetesClient client = cluster.client()) {
        TenantSettings settings = cluster.settings(client);
        Tenant tenant = settings.tenant(name);
        Optional<TenantStatus> status = new TenantCatalog(client).show(tenant, settings);
        System.out.print(TenantTable.show(tenant, settings.terms(tenant), status, settings));
      }
      return 0;
    }
  }

  @Command(
      name = "provision",
      mixinStandardHelpOptions = true,
      description = "Creates a tenant (or brings it to its current terms) before its first build.")
  static final class ProvisionTenant implements Callable<Integer> {
    @Mixin ClusterOptions cluster;

    @Parameters(paramLabel = "NAME", description = "The user's or project's name.")
    String name;

    @Override
    public Integer call() {
      try (KubernetesClient client = cluster.client()) {
        TenantSettings settings = cluster.settings(client);
        Tenant tenant = settings.tenant(name);
        String namespace = new TenantProvisioner(client, settings).provision(tenant);
        System.out.println("Provisioned " + tenant + " in namespace " + namespace);
      }
      return 0;
    }
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description =
          "Removes a tenant's namespace and everything in it; only a namespace carrying the"
              + " tenant's label is ever removed.")
  static final class RemoveTenant implements Callable<Integer> {
    @Mixin ClusterOptions cluster;

    @Parameters(paramLabel = "NAME", description = "The user's or project's name.")
    String name;

    @Override
    public Integer call() {
      try (KubernetesClient client = cluster.client()) {
        TenantSettings settings = cluster.settings(client);
        Tenant tenant = settings.tenant(name);
        boolean removed = new TenantProvisioner(client, settings).remove(tenant);
        System.out.println(
            removed
                ? "Removing " + tenant + ": namespace " + tenant.namespace(settings.policy())
                : "No tenant "
                    + tenant
                    + " (no namespace "
                    + tenant.namespace(settings.policy())
                    + ")");
      }
      return 0;
    }
  }

  /** The tables the commands print. */
  static final class TenantTable {
    private TenantTable() {}

    static String list(List<TenantStatus> tenants) {
      if (tenants.isEmpty()) {
        return "No tenants.\n";
      }
      List<String[]> rows = new ArrayList<>();
      rows.add(
          new String[] {"KIND", "NAME", "NAMESPACE", "PODS", "CPU REQUESTS", "MEMORY REQUESTS"});
      for (TenantStatus s : tenants) {
        rows.add(
            new String[] {
              s.tenant().kind().word(),
              s.tenant().name(),
              s.namespace() + (s.terminating() ? " (removing)" : ""),
              usage(s, "pods"),
              usage(s, "requests.cpu"),
              usage(s, "requests.memory")
            });
      }
      return columns(rows);
    }

    static String show(
        Tenant tenant, TenantTerms terms, Optional<TenantStatus> status, TenantSettings settings) {
      StringBuilder out = new StringBuilder();
      out.append(tenant).append('\n');
      out.append("  namespace: ").append(tenant.namespace(settings.policy()));
      out.append(
          status.isEmpty()
              ? " (not provisioned)"
              : status.get().terminating() ? " (removing)" : "");
      out.append('\n');
      out.append("  weight: ").append(terms.weight()).append('\n');
      out.append("  quota (used / hard):\n");
      for (Map.Entry<String, String> hard : terms.quota().entrySet()) {
        String used = status.map(s -> s.used().get(hard.getKey())).orElse(null);
        out.append("    ")
            .append(hard.getKey())
            .append(": ")
            .append(used == null ? "-" : used)
            .append(" / ")
            .append(status.map(s -> s.hard().get(hard.getKey())).orElse(hard.getValue()))
            .append('\n');
      }
      if (!terms.limitDefaultRequest().isEmpty() || !terms.limitDefault().isEmpty()) {
        out.append("  container defaults: requests ")
            .append(terms.limitDefaultRequest())
            .append(", limits ")
            .append(terms.limitDefault())
            .append('\n');
      }
      return out.toString();
    }

    private static String usage(TenantStatus s, String resource) {
      String hard = s.hard().get(resource);
      return hard == null ? "-" : s.used().getOrDefault(resource, "0") + "/" + hard;
    }

    private static String columns(List<String[]> rows) {
      int[] widths = new int[rows.get(0).length];
      for (String[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          widths[i] = Math.max(widths[i], row[i].length());
        }
      }
      StringBuilder out = new StringBuilder();
      for (String[] row : rows) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
          line.append(
              i == row.length - 1 ? row[i] : String.format("%-" + (widths[i] + 2) + "s", row[i]));
        }
        out.append(line.toString().stripTrailing()).append('\n');
      }
      return out.toString();
    }
  }
}
