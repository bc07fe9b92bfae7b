package com.cloudbees.plugins.credentials;

import java.io.Serializable;

/** Compile-only declaration. */
public interface CredentialsMatcher extends Serializable {
  boolean matches(Credentials item);
}
