package com.cloudbees.plugins.credentials.domains;

import hudson.ExtensionPoint;
import java.io.Serializable;

/** Compile-only declaration (type only; used as {@code List<DomainRequirement>}). */
public class DomainRequirement implements ExtensionPoint, Serializable {
  private static final long serialVersionUID = 1L;

  public DomainRequirement() {}
}
