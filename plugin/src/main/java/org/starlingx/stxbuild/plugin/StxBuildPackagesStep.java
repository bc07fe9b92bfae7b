package org.starlingx.stxbuild.plugin;

import hudson.Extension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.starlingx.stxbuild.engine.workers.PodCapacity;

/**
 * {@code stxBuildPackages(maxPods: 8, buildTypes: 'std,rt', retries: 1)}: builds the tree's
 * packages in dependency order into the build's repository session (stx-build build). Under {@code
 * stxBuild} (or the freestyle wrapper's pod) each package builds in its own transient pkgbuilder
 * pod in the build's namespace, at most {@code maxPods} at once and never more than the Kubernetes
 * cloud's container cap allows ({@link PodCapacity}); {@code distribute: false} builds them all in
 * the build's own pod with {@code workers} chroots, as elsewhere.
 */
public class StxBuildPackagesStep extends StxCliStep {
  private static final long serialVersionUID = 1L;

  private String tree = ".";
  private int workers = 2;
  private String buildTypes = "std";
  private int retries = 0;
  private boolean force;
  private Boolean distribute; // null (a job saved before the parameter existed): true
  private int maxPods = DEFAULT_MAX_PODS;
  private String packages = "";

  static final int DEFAULT_MAX_PODS = 8;

  @DataBoundConstructor
  public StxBuildPackagesStep() {}

  public String getTree() {
    return tree;
  }

  @DataBoundSetter
  public void setTree(String tree) {
    this.tree = tree;
  }

  public int getWorkers() {
    return workers;
  }

  @DataBoundSetter
  public void setWorkers(int workers) {
    this.workers = workers;
  }

  public String getBuildTypes() {
    return buildTypes;
  }

  @DataBoundSetter
  public void setBuildTypes(String buildTypes) {
    this.buildTypes = buildTypes;
  }

  public int getRetries() {
    return retries;
  }

  @DataBoundSetter
  public void setRetries(int retries) {
    this.retries = retries;
  }

  public boolean isForce() {
    return force;
  }

  @DataBoundSetter
  public void setForce(boolean force) {
    this.force = force;
  }

  public String getPackages() {
    return packages == null ? "" : packages;
  }

  /** Only these packages (and the in-tree build-deps they need); blank: every package. */
  @DataBoundSetter
  public void setPackages(String packages) {
    this.packages = packages;
  }

  public boolean isDistribute() {
    return distribute == null || distribute;
  }

  @DataBoundSetter
  public void setDistribute(boolean distribute) {
    this.distribute = distribute;
  }

  public int getMaxPods() {
    return maxPods > 0 ? maxPods : DEFAULT_MAX_PODS;
  }

  @DataBoundSetter
  public void setMaxPods(int maxPods) {
    this.maxPods = maxPods;
  }

  /** Whether packages build in pods: asked for, and the build runs in its scope's pod. */
  boolean distributes(Map<String, String> env) {
    return isDistribute() && env.containsKey(PackagePodEnvironment.POD_CAPACITY);
  }

  @Override
  StxCommandLine commandLine(
      Map<String, String> env, String pulpUrl, String pulpUser, String pulpPassword) {
    StxCommandLine line = super.commandLine(env, pulpUrl, pulpUser, pulpPassword);
    String yaml = env.get(PackagePodEnvironment.PACKAGE_POD_YAML);
    if (distributes(env) && yaml != null && !yaml.isBlank()) {
      // a multi-line fragment: through the environment, not the logged command line
      return line.withEnv(Map.of(PackagePodEnvironment.PACKAGE_POD_YAML, yaml));
    }
    return line;
  }

  @Override
  protected String command() {
    return "build";
  }

  @Override
  protected List<String> arguments(Map<String, String> env) {
    List<String> args = new ArrayList<>(List.of("--tree", tree, "--build-types", buildTypes));
    if (distributes(env)) {
      int cap = Integer.parseInt(env.get(PackagePodEnvironment.POD_CAPACITY));
      args.addAll(
          List.of(
              "--on",
              "kubernetes",
              "--max-pods",
              String.valueOf(PodCapacity.maxPods(getMaxPods(), cap)),
              // the namespace the build's agent pod runs in, whatever the strategy named it
              "--namespace-strategy",
              "shared",
              "--namespace",
              env.get(StxEnvironment.NAMESPACE)));
      String image = env.get(PackagePodEnvironment.PKGBUILDER_IMAGE);
      if (image != null) {
        args.addAll(List.of("--pkgbuilder-image", image));
      }
    } else {
      args.addAll(List.of("--workers", String.valueOf(workers)));
    }
    args.addAll(List.of("--retries", String.valueOf(retries)));
    if (force) {
      args.add("--force");
    }
    List<String> only = StxCommandLine.words(getPackages());
    if (!only.isEmpty()) {
      args.addAll(List.of("--packages", String.join(",", only)));
    }
    args.addAll(StxCommandLine.scopeArguments(env));
    return args;
  }

  @Extension
  @Symbol("stxBuildPackages")
  public static final class DescriptorImpl extends StxCliStepDescriptor {
    @Override
    public String getFunctionName() {
      return "stxBuildPackages";
    }

    @Override
    public String getDisplayName() {
      return Messages.StxBuildPackagesStep_DisplayName();
    }
  }
}
