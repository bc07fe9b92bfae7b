package hudson.security;

/**
 * Compile-only declaration (type only; instances come from constants such as Jenkins.ADMINISTER).
 */
public final class Permission {
  private Permission() {}
}
