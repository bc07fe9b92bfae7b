package org.starlingx.stxbuild.engine.repo.pulp;

/** Pulp refused a request or a task failed; the message quotes what Pulp said. */
public class PulpException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  public PulpException(String message, int status) {
    super(message);
    this.status = status;
  }

  public PulpException(String message, Throwable cause) {
    super(message, cause);
    this.status = -1;
  }

  /**
   * The HTTP status Pulp answered with, or -1 when there was no answer or the failure was a task.
   */
  public int status() {
    return status;
  }
}
