package com.cloudbees.plugins.credentials.common;

/** Compile-only declaration. */
public interface StandardCredentials extends IdCredentials {
  String getDescription();
}
