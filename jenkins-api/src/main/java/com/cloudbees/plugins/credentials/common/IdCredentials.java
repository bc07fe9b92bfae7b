package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;

/** Compile-only declaration. */
public interface IdCredentials extends Credentials {
  String getId();
}
