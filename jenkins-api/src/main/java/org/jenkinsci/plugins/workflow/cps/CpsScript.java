package org.jenkinsci.plugins.workflow.cps;

/**
 * Compile-only declaration (type only). Upstream it extends a Groovy {@code Script}; this
 * declaration omits that superclass, so plugin Java code can only pass it along (for example to the
 * constructor of a Groovy class loaded through {@code script.getClass().getClassLoader()}).
 */
public abstract class CpsScript {
  private CpsScript() {}
}
