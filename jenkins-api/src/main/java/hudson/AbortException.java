package hudson;

import java.io.IOException;

/** Compile-only declaration: a build or step failure reported without a stack trace. */
public class AbortException extends IOException {
  private static final long serialVersionUID = 1L;

  public AbortException() {}

  public AbortException(String message) {
    super(message);
  }
}
