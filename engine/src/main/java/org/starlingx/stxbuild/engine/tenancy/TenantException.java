package org.starlingx.stxbuild.engine.tenancy;

/** A tenant cannot be provisioned, found or removed; the message says why in words. */
public final class TenantException extends RuntimeException {
  public TenantException(String message) {
    super(message);
  }

  public TenantException(String message, Throwable cause) {
    super(message, cause);
  }
}
