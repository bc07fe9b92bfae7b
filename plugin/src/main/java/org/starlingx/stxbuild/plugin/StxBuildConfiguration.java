package org.starlingx.stxbuild.plugin;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
import org.starlingx.stxbuild.engine.config.ServiceSettingsCheck;

/**
 * Manage Jenkins > System > StarlingX build: where builds run and which services they use. Bound by
 * Configuration-as-Code under {@code unclassified: starlingxBuild:}. Each setter saves, because
 * Jenkins saves only itself after the form is submitted.
 */
@Extension
@Symbol("starlingxBuild")
public class StxBuildConfiguration extends GlobalConfiguration {
  private String cloudName = "kubernetes";
  private String namespaceStrategy = "shared";
  private String sharedNamespace = "stx-builds";
  private String builderImage =
      org.starlingx.stxbuild.engine.images.SelfImages.defaults().builder();
  private String pkgbuilderImage =
      org.starlingx.stxbuild.engine.images.SelfImages.defaults()
          .pkgbuilder(org.starlingx.stxbuild.engine.images.SelfImages.DEFAULT_CODENAME);
  private String latImage = "docker.io/starlingx/stx-lat-tool:master-debian-latest";
  private String imageBuilderImage = "ghcr.io/osscontainertools/kaniko:latest";
  private String cpuRequest = "1";
  private String memoryRequest = "2Gi";
  private String podYaml = "";
  private String packagePodYaml = "";
  private String pulpUrl = "";
  private String pulpContentUrl = "";
  private String pulpCredentialsId = "";
  private String registry = "";
  private String registryCredentialsId = "";
  private int retentionDays = 14;

  public StxBuildConfiguration() {
    load();
  }

  public static StxBuildConfiguration get() {
    return ExtensionList.lookupSingleton(StxBuildConfiguration.class);
  }

  public String getCloudName() {
    return cloudName;
  }

  @DataBoundSetter
  public void setCloudName(String cloudName) {
    this.cloudName = cloudName;
    save();
  }

  public String getNamespaceStrategy() {
    return namespaceStrategy;
  }

  @DataBoundSetter
  public void setNamespaceStrategy(String namespaceStrategy) {
    this.namespaceStrategy = namespaceStrategy;
    save();
  }

  public String getSharedNamespace() {
    return sharedNamespace;
  }

  @DataBoundSetter
  public void setSharedNamespace(String sharedNamespace) {
    this.sharedNamespace = sharedNamespace;
    save();
  }

  public String getBuilderImage() {
    return builderImage;
  }

  @DataBoundSetter
  public void setBuilderImage(String builderImage) {
    this.builderImage = builderImage;
    save();
  }

  public String getPkgbuilderImage() {
    return pkgbuilderImage;
  }

  @DataBoundSetter
  public void setPkgbuilderImage(String pkgbuilderImage) {
    this.pkgbuilderImage = pkgbuilderImage;
    save();
  }

  public String getLatImage() {
    return latImage;
  }

  @DataBoundSetter
  public void setLatImage(String latImage) {
    this.latImage = latImage;
    save();
  }

  public String getImageBuilderImage() {
    return imageBuilderImage;
  }

  @DataBoundSetter
  public void setImageBuilderImage(String imageBuilderImage) {
    this.imageBuilderImage = imageBuilderImage;
    save();
  }

  public String getCpuRequest() {
    return cpuRequest;
  }

  @DataBoundSetter
  public void setCpuRequest(String cpuRequest) {
    this.cpuRequest = cpuRequest;
    save();
  }

  public String getMemoryRequest() {
    return memoryRequest;
  }

  @DataBoundSetter
  public void setMemoryRequest(String memoryRequest) {
    this.memoryRequest = memoryRequest;
    save();
  }

  public String getPodYaml() {
    return podYaml;
  }

  @DataBoundSetter
  public void setPodYaml(String podYaml) {
    this.podYaml = podYaml;
    save();
  }

  /**
   * Merged into every package pod (placement, tolerations); the agent pod's is {@link #getPodYaml}.
   */
  public String getPackagePodYaml() {
    return packagePodYaml == null ? "" : packagePodYaml;
  }

  @DataBoundSetter
  public void setPackagePodYaml(String packagePodYaml) {
    this.packagePodYaml = packagePodYaml;
    save();
  }

  public String getPulpUrl() {
    return pulpUrl;
  }

  @DataBoundSetter
  public void setPulpUrl(String pulpUrl) {
    this.pulpUrl = pulpUrl;
    save();
  }

  /**
   * Pulp's content app as builds' pods reach it, when that is not the origin Pulp publishes ({@code
   * CONTENT_ORIGIN}); blank: read what Pulp publishes as published.
   */
  public String getPulpContentUrl() {
    return pulpContentUrl == null ? "" : pulpContentUrl;
  }

  @DataBoundSetter
  public void setPulpContentUrl(String pulpContentUrl) {
    this.pulpContentUrl = pulpContentUrl == null ? "" : pulpContentUrl.strip();
    save();
  }

  public String getPulpCredentialsId() {
    return pulpCredentialsId;
  }

  @DataBoundSetter
  public void setPulpCredentialsId(String pulpCredentialsId) {
    this.pulpCredentialsId = pulpCredentialsId;
    save();
  }

  public String getRegistry() {
    return registry;
  }

  @DataBoundSetter
  public void setRegistry(String registry) {
    this.registry = registry;
    save();
  }

  public String getRegistryCredentialsId() {
    return registryCredentialsId;
  }

  @DataBoundSetter
  public void setRegistryCredentialsId(String registryCredentialsId) {
    this.registryCredentialsId = registryCredentialsId;
    save();
  }

  public int getRetentionDays() {
    return retentionDays;
  }

  @DataBoundSetter
  public void setRetentionDays(int retentionDays) {
    this.retentionDays = retentionDays;
    save();
  }

  @POST
  public FormValidation doCheckPulpUrl(@QueryParameter String value) {
    Jenkins.get().checkPermission(Jenkins.ADMINISTER);
    return Forms.of(ServiceSettingsCheck.pulpUrl(value));
  }

  @POST
  public FormValidation doCheckNamespaceStrategy(@QueryParameter String value) {
    Jenkins.get().checkPermission(Jenkins.ADMINISTER);
    return Forms.of(ServiceSettingsCheck.namespaceStrategy(value));
  }

  @POST
  public FormValidation doCheckSharedNamespace(@QueryParameter String value) {
    Jenkins.get().checkPermission(Jenkins.ADMINISTER);
    return Forms.of(ServiceSettingsCheck.namespaceName(value));
  }

  @POST
  public FormValidation doCheckRetentionDays(@QueryParameter String value) {
    Jenkins.get().checkPermission(Jenkins.ADMINISTER);
    return Forms.of(ServiceSettingsCheck.retentionDays(value));
  }

  @POST
  public FormValidation doCheckPodYaml(@QueryParameter String value) {
    Jenkins.get().checkPermission(Jenkins.ADMINISTER);
    return Forms.of(ServiceSettingsCheck.podYaml(value));
  }

  @POST
  public ListBoxModel doFillPulpCredentialsIdItems(
      @AncestorInPath Item item, @QueryParameter String pulpCredentialsId) {
    Jenkins.get().checkPermission(Jenkins.ADMINISTER);
    return Credentials.usernamePasswordItems(item, pulpCredentialsId);
  }

  @POST
  public ListBoxModel doFillRegistryCredentialsIdItems(
      @AncestorInPath Item item, @QueryParameter String registryCredentialsId) {
    Jenkins.get().checkPermission(Jenkins.ADMINISTER);
    return Credentials.registryItems(item, registryCredentialsId);
  }
}
