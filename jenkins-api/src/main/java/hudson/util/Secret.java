package hudson.util;

import java.io.Serializable;

/** Compile-only declaration. */
public final class Secret implements Serializable {
  private static final long serialVersionUID = 1L;

  private Secret() {}

  /** Deprecated upstream (returns the plain text); use {@link #getPlainText()}. */
  @Deprecated
  @Override
  public String toString() {
    throw new UnsupportedOperationException("compile-only");
  }

  public String getPlainText() {
    throw new UnsupportedOperationException("compile-only");
  }

  public static Secret fromString(String data) {
    throw new UnsupportedOperationException("compile-only");
  }

  public static String toString(Secret s) {
    throw new UnsupportedOperationException("compile-only");
  }
}
