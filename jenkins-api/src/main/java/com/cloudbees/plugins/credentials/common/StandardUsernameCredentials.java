package com.cloudbees.plugins.credentials.common;

/** Compile-only declaration (type only). */
public interface StandardUsernameCredentials extends StandardCredentials, UsernameCredentials {}
