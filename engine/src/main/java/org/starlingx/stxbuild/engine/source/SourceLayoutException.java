package org.starlingx.stxbuild.engine.source;

/** A source tree that does not follow the StarlingX layout; the message names file and field. */
public final class SourceLayoutException extends RuntimeException {
  public SourceLayoutException(String message) {
    super(message);
  }

  public SourceLayoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
