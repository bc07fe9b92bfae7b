package com.cloudbees.plugins.credentials;

/** Compile-only declaration. */
public class CredentialsMatchers {
  private CredentialsMatchers() {}

  public static CredentialsMatcher always() {
    throw new UnsupportedOperationException("compile-only");
  }

  @SuppressWarnings("rawtypes")
  public static CredentialsMatcher instanceOf(Class clazz) {
    throw new UnsupportedOperationException("compile-only");
  }

  public static CredentialsMatcher withId(String id) {
    throw new UnsupportedOperationException("compile-only");
  }

  public static <C extends Credentials> C firstOrNull(
      Iterable<C> credentials, CredentialsMatcher matcher) {
    throw new UnsupportedOperationException("compile-only");
  }
}
