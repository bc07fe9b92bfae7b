package org.jenkinsci.plugins.workflow.cps;

import hudson.ExtensionPoint;

/**
 * Compile-only declaration. A plugin whose {@link GlobalVariable} loads a Groovy source file from
 * its own jar must register an {@code @Extension} subclass allowing that file's URL, or the trusted
 * Pipeline class loader refuses to load it.
 */
public abstract class GroovySourceFileAllowlist implements ExtensionPoint {
  public abstract boolean isAllowed(String groovySourceFileUrl);
}
