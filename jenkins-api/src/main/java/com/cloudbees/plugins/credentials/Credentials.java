package com.cloudbees.plugins.credentials;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import java.io.Serializable;

/** Compile-only declaration (type only). */
public interface Credentials extends Describable<Credentials>, Serializable, ExtensionPoint {}
