package org.starlingx.stxbuild.plugin;

import hudson.Extension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code stxRecordStatus(result: currentBuild.currentResult)}: records how the build ended for its
 * line (stx-build record-status), where later builds, retention and people read it.
 */
public class StxRecordStatusStep extends StxCliStep {
  private static final long serialVersionUID = 1L;

  private final String result;
  private String fingerprint = "";

  @DataBoundConstructor
  public StxRecordStatusStep(String result) {
    this.result = result;
  }

  public String getResult() {
    return result;
  }

  public String getFingerprint() {
    return fingerprint;
  }

  @DataBoundSetter
  public void setFingerprint(String fingerprint) {
    this.fingerprint = fingerprint;
  }

  @Override
  protected String command() {
    return "record-status";
  }

  @Override
  protected List<String> arguments(Map<String, String> env) {
    String jenkinsResult = result == null ? "" : result.strip().toUpperCase(java.util.Locale.ROOT);
    // Jenkins says SUCCESS/FAILURE/ABORTED/UNSTABLE; the build status says success/failed/aborted.
    String status =
        switch (jenkinsResult) {
          case "SUCCESS" -> "success";
          case "ABORTED" -> "aborted";
          case "UNCHANGED" -> "unchanged";
          default -> "failed";
        };
    List<String> args = new ArrayList<>(List.of("--result", status));
    String fp =
        fingerprint.isBlank() ? env.getOrDefault("STX_SOURCE_FINGERPRINT", "") : fingerprint;
    if (!fp.isBlank()) {
      args.addAll(List.of("--fingerprint", fp));
    }
    args.addAll(StxCommandLine.scopeArguments(env));
    return args;
  }

  @Extension
  @Symbol("stxRecordStatus")
  public static final class DescriptorImpl extends StxCliStepDescriptor {
    @Override
    public String getFunctionName() {
      return "stxRecordStatus";
    }

    @Override
    public String getDisplayName() {
      return Messages.StxRecordStatusStep_DisplayName();
    }
  }
}
