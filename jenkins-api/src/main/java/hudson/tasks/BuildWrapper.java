package hudson.tasks;

import hudson.ExtensionPoint;
import hudson.model.Describable;

/** Compile-only declaration (type only). */
public abstract class BuildWrapper implements Describable<BuildWrapper>, ExtensionPoint {}
