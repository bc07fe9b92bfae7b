package com.cloudbees.plugins.credentials.common;

/** Compile-only declaration. */
public class StandardListBoxModel
    extends AbstractIdCredentialsListBoxModel<StandardListBoxModel, StandardCredentials> {
  private static final long serialVersionUID = 1L;

  @Override
  protected String describe(StandardCredentials c) {
    throw new UnsupportedOperationException("compile-only");
  }
}
