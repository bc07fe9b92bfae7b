package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;
import hudson.util.Secret;

/** Compile-only declaration. */
public interface PasswordCredentials extends Credentials {
  Secret getPassword();
}
