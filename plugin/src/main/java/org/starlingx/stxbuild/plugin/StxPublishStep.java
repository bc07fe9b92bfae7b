package org.starlingx.stxbuild.plugin;

import hudson.Extension;
import java.util.List;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code stxPublish(release: 'stx-10.0.1')}: promotes the branch's last good build to a release,
 * kept forever (stx-build publish).
 */
public class StxPublishStep extends StxCliStep {
  private static final long serialVersionUID = 1L;

  private final String release;

  @DataBoundConstructor
  public StxPublishStep(String release) {
    this.release = release;
  }

  public String getRelease() {
    return release;
  }

  @Override
  protected String command() {
    return "publish";
  }

  @Override
  protected List<String> arguments(Map<String, String> env) {
    return List.of("--branch", env.getOrDefault(StxEnvironment.LINE, ""), "--release", release);
  }

  @Extension
  @Symbol("stxPublish")
  public static final class DescriptorImpl extends StxCliStepDescriptor {
    @Override
    public String getFunctionName() {
      return "stxPublish";
    }

    @Override
    public String getDisplayName() {
      return Messages.StxPublishStep_DisplayName();
    }
  }
}
