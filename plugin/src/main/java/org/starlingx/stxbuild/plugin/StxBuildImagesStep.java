package org.starlingx.stxbuild.plugin;

import hudson.Extension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code stxBuildImages(only: 'stx-nova', stream: 'stable')}: the docker base image and the images
 * the tree's {@code debian_<stream>_docker_images.inc} lists name, built in the build's pod with
 * buildah (stx-build images); the image record it writes feeds {@code stxBuildHelmCharts}.
 */
public class StxBuildImagesStep extends StxCliStep {
  private static final long serialVersionUID = 1L;

  private String tree = ".";
  private String stream = "stable";
  private String only = "";
  private String skip = "";
  private String output = "build-output/images";
  private boolean push;
  private String loci = "";
  private String wheels = "";

  @DataBoundConstructor
  public StxBuildImagesStep() {}

  public String getTree() {
    return tree;
  }

  @DataBoundSetter
  public void setTree(String tree) {
    this.tree = tree;
  }

  public String getStream() {
    return stream;
  }

  @DataBoundSetter
  public void setStream(String stream) {
    this.stream = stream;
  }

  public String getOnly() {
    return only;
  }

  @DataBoundSetter
  public void setOnly(String only) {
    this.only = only == null ? "" : only;
  }

  public String getSkip() {
    return skip;
  }

  @DataBoundSetter
  public void setSkip(String skip) {
    this.skip = skip == null ? "" : skip;
  }

  public String getOutput() {
    return output;
  }

  @DataBoundSetter
  public void setOutput(String output) {
    this.output = output;
  }

  public boolean isPush() {
    return push;
  }

  @DataBoundSetter
  public void setPush(boolean push) {
    this.push = push;
  }

  public String getLoci() {
    return loci;
  }

  @DataBoundSetter
  public void setLoci(String loci) {
    this.loci = loci == null ? "" : loci;
  }

  public String getWheels() {
    return wheels;
  }

  @DataBoundSetter
  public void setWheels(String wheels) {
    this.wheels = wheels == null ? "" : wheels;
  }

  @Override
  protected boolean needsRegistryLogin() {
    return push;
  }

  @Override
  protected String command() {
    return "images";
  }

  @Override
  protected List<String> arguments(Map<String, String> env) {
    List<String> args =
        new ArrayList<>(List.of("--tree", tree, "--stream", stream, "--output", output));
    if (!StxCommandLine.words(only).isEmpty()) {
      args.add("--only");
      args.add(String.join(",", StxCommandLine.words(only)));
    }
    if (!StxCommandLine.words(skip).isEmpty()) {
      args.add("--skip");
      args.add(String.join(",", StxCommandLine.words(skip)));
    }
    String registry = env.getOrDefault(StxCommandRunner.REGISTRY, "");
    if (!registry.isBlank()) {
      args.add("--registry");
      args.add(registry.strip());
    }
    if (push) {
      args.add("--push");
    }
    if (!loci.isBlank()) {
      args.add("--loci");
      args.add(loci.strip());
    }
    if (!wheels.isBlank()) {
      args.add("--wheels");
      args.add(wheels.strip());
    }
    args.addAll(StxCommandLine.scopeArguments(env));
    return args;
  }

  @Extension
  @Symbol("stxBuildImages")
  public static final class DescriptorImpl extends StxCliStepDescriptor {
    @Override
    public String getFunctionName() {
      return "stxBuildImages";
    }

    @Override
    public String getDisplayName() {
      return Messages.StxBuildImagesStep_DisplayName();
    }
  }
}
