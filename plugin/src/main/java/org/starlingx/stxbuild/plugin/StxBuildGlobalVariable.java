package org.starlingx.stxbuild.plugin;

import hudson.Extension;
import org.jenkinsci.plugins.workflow.cps.CpsScript;
import org.jenkinsci.plugins.workflow.cps.GlobalVariable;

/**
 * {@code stxBuild(project:, branch:) { ... }}: a global variable, because only Pipeline Groovy can
 * put the body on a node. Its value is the CPS-transformed {@code StxBuild.groovy} shipped with the
 * plugin, which asks {@code stxAgentTemplate} for the scope's pod template and runs the body in
 * {@code podTemplate { node { container('builder') { ... } } }}.
 */
@Extension
public class StxBuildGlobalVariable extends GlobalVariable {
  static final String SCRIPT_CLASS = "org.starlingx.stxbuild.plugin.StxBuild";

  @Override
  public String getName() {
    return "stxBuild";
  }

  @Override
  public Object getValue(CpsScript script) throws Exception {
    return script
        .getClass()
        .getClassLoader()
        .loadClass(SCRIPT_CLASS)
        .getConstructor(CpsScript.class)
        .newInstance(script);
  }
}
