package org.starlingx.stxbuild.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.starlingx.stxbuild.engine.scope.ScopeNames;
import org.starlingx.stxbuild.engine.tenancy.TenantSettings;
import picocli.CommandLine.Option;

/**
 * With {@code --on kubernetes}: the build as a tenant's build, its tenant provisioned before its
 * pods (the chart's tenants.yaml and the tenant provisioner's credentials).
 */
final class TenantOptions {
  @Option(
      names = "--tenants",
      paramLabel = "FILE",
      description =
          "With --on kubernetes: the tenants.yaml (the chart's <release>-starlingx-build-tenants);"
              + " this build's tenant (its user or project, per the file's strategy) is provisioned"
              + " before its pods, which go to the tenant's namespace (the file's strategy and"
              + " prefix) and are admitted by the file's fair share.")
  Path settingsFile;

  @Option(
      names = "--provisioner-kubeconfig",
      paramLabel = "FILE",
      description =
          "With --tenants: the tenant provisioner's kubeconfig (default: the build's cluster"
              + " access).")
  Path provisionerKubeconfig;

  boolean asTenant() {
    return settingsFile != null;
  }

  /** The build's names under the tenant settings' strategy and prefix (its tenant's namespace). */
  ScopeNames names(ScopeNames given) {
    return new ScopeNames(given.scope(), settings().policy());
  }

  private TenantSettings settings;

  /** The tenants file, read and checked once (the names and the provisioning both need it). */
  TenantSettings settings() {
    if (settings != null) {
      return settings;
    }
    if (!Files.isRegularFile(settingsFile)) {
      throw new IllegalArgumentException("--tenants " + settingsFile + " is not a file");
    }
    try {
      settings = TenantSettings.parse(Files.readString(settingsFile), settingsFile.toString());
      return settings;
    } catch (IOException e) {
      throw new IllegalArgumentException("--tenants " + settingsFile + " cannot be read");
    }
  }
}
