package org.starlingx.stxbuild.plugin;

import hudson.Extension;
import org.jenkinsci.plugins.workflow.cps.GroovySourceFileAllowlist;

/** Lets Pipeline load the plugin's own {@code StxBuild.groovy} and nothing else of it. */
@Extension
public class StxBuildGroovyAllowlist extends GroovySourceFileAllowlist {
  @Override
  public boolean isAllowed(String groovySourceFileUrl) {
    return groovySourceFileUrl.endsWith("/org/starlingx/stxbuild/plugin/StxBuild.groovy");
  }
}
