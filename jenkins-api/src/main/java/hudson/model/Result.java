package hudson.model;

import java.io.Serializable;

/** Compile-only declaration. */
public final class Result implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final Result SUCCESS = null;
  public static final Result UNSTABLE = null;
  public static final Result FAILURE = null;
  public static final Result NOT_BUILT = null;
  public static final Result ABORTED = null;

  private Result() {}

  public boolean isWorseThan(Result that) {
    throw new UnsupportedOperationException("compile-only");
  }

  public boolean isBetterOrEqualTo(Result that) {
    throw new UnsupportedOperationException("compile-only");
  }

  @Override
  public String toString() {
    throw new UnsupportedOperationException("compile-only");
  }

  public static Result fromString(String s) {
    throw new UnsupportedOperationException("compile-only");
  }
}
