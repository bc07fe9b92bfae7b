package hudson.security;

/** Compile-only declaration. */
public interface AccessControlled {
  default void checkPermission(Permission permission) {
    throw new UnsupportedOperationException("compile-only");
  }

  default boolean hasPermission(Permission permission) {
    throw new UnsupportedOperationException("compile-only");
  }
}
