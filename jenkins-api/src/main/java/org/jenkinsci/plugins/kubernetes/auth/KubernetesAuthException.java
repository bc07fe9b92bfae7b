package org.jenkinsci.plugins.kubernetes.auth;

/** Compile-only declaration (kubernetes-credentials plugin). */
public class KubernetesAuthException extends Exception {
  private static final long serialVersionUID = 1L;

  private KubernetesAuthException() {}
}
