package hudson.model;

import hudson.ExtensionPoint;

/** Compile-only declaration (type only). */
public interface TopLevelItem extends Item, ExtensionPoint, Describable<TopLevelItem> {}
