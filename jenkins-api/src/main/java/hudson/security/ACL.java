package hudson.security;

import org.springframework.security.core.Authentication;

/** Compile-only declaration. */
public abstract class ACL {
  public static final Authentication SYSTEM2 = null;

  private ACL() {}
}
