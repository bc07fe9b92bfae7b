package org.starlingx.stxbuild.plugin;

import hudson.Extension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code stxBuildHelmCharts(label: 'debian-stable-versioned', imageRecords: 'images.lst')}:
 * StarlingX application tarballs from the application packages of the branch's last good build,
 * fetched from the repository service (stx-build helm-charts).
 */
public class StxBuildHelmChartsStep extends StxCliStep {
  private static final long serialVersionUID = 1L;

  private String appPackages = "";
  private String label = "";
  private String imageRecords = "";
  private String output = "build-output/helm-charts";

  @DataBoundConstructor
  public StxBuildHelmChartsStep() {}

  public String getAppPackages() {
    return appPackages;
  }

  @DataBoundSetter
  public void setAppPackages(String appPackages) {
    this.appPackages = appPackages == null ? "" : appPackages;
  }

  public String getLabel() {
    return label;
  }

  @DataBoundSetter
  public void setLabel(String label) {
    this.label = label == null ? "" : label;
  }

  public String getImageRecords() {
    return imageRecords;
  }

  @DataBoundSetter
  public void setImageRecords(String imageRecords) {
    this.imageRecords = imageRecords == null ? "" : imageRecords;
  }

  public String getOutput() {
    return output;
  }

  @DataBoundSetter
  public void setOutput(String output) {
    this.output = output;
  }

  @Override
  protected String command() {
    return "helm-charts";
  }

  @Override
  protected List<String> arguments(Map<String, String> env) {
    List<String> args = new ArrayList<>(List.of("--output", output));
    for (String app : StxCommandLine.words(appPackages)) {
      args.add("--app-package");
      args.add(app);
    }
    if (!label.isBlank()) {
      args.add("--label");
      args.add(label.strip());
    }
    for (String record : StxCommandLine.words(imageRecords)) {
      args.add("--image-record");
      args.add(record);
    }
    args.addAll(StxCommandLine.scopeArguments(env));
    return args;
  }

  @Extension
  @Symbol("stxBuildHelmCharts")
  public static final class DescriptorImpl extends StxCliStepDescriptor {
    @Override
    public String getFunctionName() {
      return "stxBuildHelmCharts";
    }

    @Override
    public String getDisplayName() {
      return Messages.StxBuildHelmChartsStep_DisplayName();
    }
  }
}
