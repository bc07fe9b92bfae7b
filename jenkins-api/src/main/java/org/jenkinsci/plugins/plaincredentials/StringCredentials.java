package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.util.Secret;

/** Compile-only declaration (plain-credentials plugin). */
public interface StringCredentials extends StandardCredentials {
  Secret getSecret();
}
